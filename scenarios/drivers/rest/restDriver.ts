import type pg from 'pg';
import { journeyTag } from '../../diagnostics/journeyTag.ts';
import type { CatalogQuery } from '../../../bench/catalogQuery.ts';
import { rngFor } from '../../../generators/random.ts';
import type { RequestContext } from '../../../stack/requestContext.ts';
import type { Iterate } from '../../engine/journey.ts';
import { READ_SHAPES } from '../../workloads/restShapes.ts';
import type { ReadJourney, WorkloadJourney, WriteJourney } from '../../workloads/workload.ts';
import { pickRead, planReads } from '../pg/readPlans.ts';
import { ScenarioRows } from '../pg/scenarioRows.ts';
import { loadWriteData } from '../pg/writeData.ts';
import type { WriteState } from '../pg/writeStatements.ts';
import { personaTokens } from './personaTokens.ts';
import { RestClient, type RestAuth } from './restClient.ts';
import type { RestEndpoint } from './restEndpoint.ts';
import { runRestWrite } from './restWrites.ts';

export interface RestDriverOptions {
  scenario: string;
  endpoint: RestEndpoint;
  catalog: readonly CatalogQuery[];
  /** Keep-alive sockets: the scenario's concurrency (in-flight limit or virtual users). */
  connections: number;
  seed?: number;
  /** Share (0–1) of submissions that go to the drop's hot orders. Default 0.8. */
  hotShare?: number;
}

/** The REST driver of one scenario run. */
export interface RestDriver {
  iterate: Iterate;
  journeys: WorkloadJourney[];
  missing: string[];
  rows?: ScenarioRows;
  client: RestClient;
  /** Closes the sockets, then removes the written rows exactly or keeps them; returns how many rows went or stay. */
  teardown(control: pg.Client, keep: boolean): Promise<number>;
}

/**
 * Setup of the REST driver: the same parameters as the pg driver (its samplers and write
 * data), each journey sent as its real request (scenarios/workloads/restShapes.ts) with its
 * persona's key or token. Background jobs have no REST form: they stay with the pg driver.
 */
export async function openRestDriver(control: pg.Client, journeys: readonly WorkloadJourney[], options: RestDriverOptions): Promise<RestDriver> {
  const random = rngFor(options.seed ?? 1, 'rest-driver', options.scenario);
  const missing: string[] = [];
  const reads = journeys.filter((journey): journey is ReadJourney => journey.kind === 'read' && READ_SHAPES[journey.name] !== undefined);
  const writes = journeys.filter((journey): journey is WriteJourney => journey.kind === 'write');
  for (const journey of journeys) {
    if (journey.kind === 'job') missing.push(`${journey.name}: a background job, run by the pg driver only`);
    else if (journey.kind === 'read' && !READ_SHAPES[journey.name]) missing.push(`${journey.name}: no REST request shape`);
  }
  const planned = await planReads(control, options.catalog, reads);
  missing.push(...planned.missing);
  const subs = [...planned.plans.values()].filter((plan) => plan.journey.role === 'authenticated').flatMap((plan) => [plan.buyerSub, ...[...plan.hot, ...plan.typical].flatMap((row) => (row.sub ? [row.sub] : []))]);
  const tokens = await personaTokens(control, options.endpoint, subs);
  let state: WriteState | undefined;
  if (writes.length > 0) {
    const data = await loadWriteData(control);
    if (data.orders.length === 0 || data.users.length === 0) missing.push(...writes.map((journey) => `${journey.name}: no active order or user to write for (is the database seeded?)`));
    else state = { rows: await ScenarioRows.open(control, options.scenario), data, random, hotShare: options.hotShare ?? 0.8, submissions: [] };
  }
  const { anonKey, serviceRoleKey } = options.endpoint;
  const service: RestAuth = { apikey: serviceRoleKey, bearer: serviceRoleKey };
  const authOf = (context: RequestContext): RestAuth =>
    context.role === 'service_role' ? service : context.role === 'anon' ? { apikey: anonKey, bearer: anonKey } : { apikey: anonKey, bearer: tokens.get(context.sub!)! };
  const usable = journeys.filter((journey) => (journey.kind === 'read' ? planned.plans.has(journey.name) : journey.kind === 'write' && state !== undefined));
  const client = new RestClient(options.endpoint.url, options.connections);
  const iterate: Iterate = async (journey) => {
    const plan = planned.plans.get(journey.name);
    if (plan) {
      const { values, context } = pickRead(plan, random);
      const params = Object.fromEntries(plan.query.params.map((name, index) => [name, values[index]]));
      await client.send(READ_SHAPES[journey.name]!, params, authOf(context), journeyTag(journey.name));
      return;
    }
    const write = usable.find((candidate): candidate is WriteJourney => candidate.name === journey.name && candidate.kind === 'write');
    if (!write || !state) throw new Error(`journey ${journey.name} has no REST request here`);
    await runRestWrite(write.write, state, (shape, params) => client.send(shape, params, service, journeyTag(journey.name)));
  };
  return {
    iterate,
    journeys: usable,
    missing,
    rows: state?.rows,
    client,
    async teardown(controlClient, keep) {
      await client.close();
      if (!state) return 0;
      return keep ? state.rows.keep(controlClient) : state.rows.remove(controlClient);
    },
  };
}
