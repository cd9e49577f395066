import type pg from 'pg';
import type { CatalogQuery } from '../../../bench/catalogQuery.ts';
import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import { rngFor } from '../../../generators/random.ts';
import { requestQuery, withRequestContext } from '../../../stack/requestContext.ts';
import type { Iterate } from '../../engine/journey.ts';
import type { ReadJourney, WorkloadJourney, WriteJourney } from '../../workloads/workload.ts';
import { journeyTag } from '../../diagnostics/journeyTag.ts';
import { createPool, withPooled } from './pgPool.ts';
import { pickRead, planReads } from './readPlans.ts';
import { ScenarioRows } from './scenarioRows.ts';
import { loadWriteData } from './writeData.ts';
import { rememberSubmission, runWrite, type WriteState } from './writeStatements.ts';

export interface PgDriverOptions {
  scenario: string;
  url: string;
  pool: ResolvedConfig['pool'];
  catalog: readonly CatalogQuery[];
  /** Pool size instead of pool.max (the connections scenario). */
  poolMax?: number;
  seed?: number;
  /** Share (0–1) of submissions that go to the drop's hot orders. Default 0.8. */
  hotShare?: number;
  /** Run-time settings every pooled connection starts with (libpq `options`, e.g. auto_explain's). */
  sessionOptions?: string;
}

/** The pg driver of one scenario run: its journeys ready to iterate, and the teardown that removes (or keeps) what it wrote. */
export interface PgDriver {
  iterate: Iterate;
  /** The journeys that can run here; the others are in `missing`. */
  journeys: WorkloadJourney[];
  missing: string[];
  /** The run the written rows carry; undefined for a read-only workload. */
  rows?: ScenarioRows;
  pool: pg.Pool;
  /** Ends the pool, then removes the written rows exactly or keeps them; returns how many rows went or stay. */
  teardown(control: pg.Client, keep: boolean): Promise<number>;
}

/**
 * Setup of the pg driver: samples read parameters and write targets from the seeded data,
 * records the run its writes will carry, and opens the app's pool. Reads run as the
 * journey's persona through the request context, READ ONLY and rolled back; writes run as
 * service_role and commit; background jobs run as service_role and are rolled back. A read or
 * a job is one statement, so it goes pipelined (requestQuery): one round trip per request.
 */
export async function openPgDriver(control: pg.Client, journeys: readonly WorkloadJourney[], options: PgDriverOptions): Promise<PgDriver> {
  const random = rngFor(options.seed ?? 1, 'pg-driver', options.scenario);
  const reads = journeys.filter((journey): journey is ReadJourney => journey.kind === 'read');
  const writes = journeys.filter((journey): journey is WriteJourney => journey.kind === 'write');
  const { plans, missing } = await planReads(control, options.catalog, reads);
  let state: WriteState | undefined;
  if (writes.length > 0) {
    const data = await loadWriteData(control);
    if (data.orders.length === 0 || data.users.length === 0) missing.push(...writes.map((journey) => `${journey.name}: no active order or user to write for (is the database seeded?)`));
    else state = { rows: await ScenarioRows.open(control, options.scenario), data, random, hotShare: options.hotShare ?? 0.8, submissions: [] };
  }
  const usable = journeys.filter((journey) => (journey.kind === 'read' ? plans.has(journey.name) : journey.kind === 'job' || state !== undefined));
  const byName = new Map(usable.map((journey) => [journey.name, journey]));
  const pool = createPool(options.url, options.pool, { max: options.poolMax, options: options.sessionOptions });
  const iterate: Iterate = (journey, context) =>
    withPooled(pool, context, async (client) => {
      // A PoolClient is a Client as far as the request context is concerned (query on one connection).
      const connection = client as unknown as pg.Client;
      const planned = byName.get(journey.name);
      // Each transaction carries its journey's application_name: waits and captured plans are attributed by it.
      const applicationName = journeyTag(journey.name);
      if (planned?.kind === 'write' && state) {
        const writeState = state;
        const written = await withRequestContext(connection, { role: 'service_role', method: 'POST', path: `/rest/v1/${planned.write}`, applicationName }, () => runWrite(planned.write, client, writeState), { scope: 'transaction', outcome: 'commit' });
        if (written) rememberSubmission(writeState, written);
        return;
      }
      if (planned?.kind === 'job') {
        await requestQuery(connection, { role: 'service_role', applicationName }, { name: `gj_${planned.name}`, text: planned.sql });
        return;
      }
      const plan = plans.get(journey.name);
      if (!plan) throw new Error(`journey ${journey.name} has no statement here`);
      const { values, context: request } = pickRead(plan, random);
      // One round trip (BEGIN READ ONLY … ROLLBACK pipelined), as PostgREST runs a GET.
      await requestQuery(connection, { ...request, applicationName }, { name: `gl_${plan.query.name}`, text: plan.query.sql, values }, { readOnly: true });
    });
  return {
    iterate,
    journeys: usable,
    missing,
    rows: state?.rows,
    pool,
    async teardown(controlClient, keep) {
      // Bounded: an iteration left hanging past the graceful stop must not hold the teardown.
      await Promise.race([pool.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      if (!state) return 0;
      return keep ? state.rows.keep(controlClient) : state.rows.remove(controlClient);
    },
  };
}
