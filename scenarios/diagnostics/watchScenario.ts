import type pg from 'pg';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { readPlan } from '../../bench/readPlan.ts';
import { isHarnessStatement, snapshotStatements, statementDeltas } from '../../bench/statStatements.ts';
import type { PlanThresholds } from '../../core/config/configSchema.ts';
import type { CapturedPlan, JourneyWaits, PlanCapture, ScenarioResult, ScenarioStatement } from '../../results/resultsModel.ts';
import type { WorkloadJourney } from '../workloads/workload.ts';
import { journeysByTag } from './journeyTag.ts';
import { sampleJourneyWaits, tallyJourneyWaits } from './journeyWaits.ts';
import { captureWithoutPlans, parseAutoExplainLog, readCaptureLog, type CaptureSetup } from './planCapture.ts';

/** What the server said about the scenario's own traffic over its window. */
export interface ScenarioDiagnostics {
  waits: Map<string, JourneyWaits>;
  statements: NonNullable<ScenarioResult['statements']>;
  capture: PlanCapture;
}

/** Statements kept per scenario, costliest first. */
const TOP_STATEMENTS = 10;
/** Captured plans kept per journey, slowest first. */
const PLANS_PER_JOURNEY = 3;

/**
 * Starts watching a scenario on the command's own connection: pg_stat_statements before, the
 * journeys' active backends every 100 ms; `stop` takes the after-snapshot and reads the plans
 * auto_explain logged (when the capture is on) and returns all of it attributed to journeys.
 */
export async function watchScenario(client: pg.Client, input: { journeys: readonly WorkloadJourney[]; catalog: readonly CatalogQuery[]; capture: CaptureSetup; thresholds: PlanThresholds }) {
  const used = new Set(input.journeys.flatMap((journey) => (journey.kind === 'read' ? [journey.query] : [])));
  const namesById = await catalogQueryIds(client, input.catalog.filter((query) => used.has(query.name)));
  const before = await snapshotStatements(client);
  const waits = sampleJourneyWaits(client);
  const journeyOf = journeysByTag(input.journeys);
  return {
    async stop(): Promise<ScenarioDiagnostics> {
      const samples = await waits.stop();
      const after = await snapshotStatements(client);
      let statements: ScenarioDiagnostics['statements'];
      if (!before.available) statements = { top: [], reason: before.reason };
      else if (!after.available) statements = { top: [], reason: after.reason };
      else statements = { top: statementDeltas(before.entries, after.entries).slice(0, TOP_STATEMENTS).map((delta) => toStatement(delta, before.entries.get(deltaKey(delta))?.maxExecMs, namesById)) };
      return { waits: tallyJourneyWaits(samples, journeyOf), statements, capture: await collectPlans(client, input.capture, journeyOf, input.thresholds) };
    },
  };
}

function deltaKey(delta: { role: string; queryId: string; toplevel: boolean }): string {
  return `${delta.role}|${delta.queryId}|${delta.toplevel}`;
}

/**
 * The pg_stat_statements query id of each catalog query, so a statement of the window is named
 * by the catalog query (and the journey) it is: EXPLAIN (VERBOSE, GENERIC_PLAN) shows it without
 * parameter values (PostgreSQL 16+); on an older server a query's id is unknown and it keeps its text.
 */
async function catalogQueryIds(client: pg.Client, catalog: readonly CatalogQuery[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const query of catalog) {
    try {
      // Read as text: the 64-bit identifier does not survive JSON.parse into a JS number.
      const explained = await client.query({ text: `EXPLAIN (VERBOSE, GENERIC_PLAN, FORMAT JSON) ${query.sql}`, types: { getTypeParser: () => (value: string) => value } });
      const id = /"Query Identifier": (-?\d+)/.exec(String((explained.rows[0] as Record<string, unknown>)['QUERY PLAN']))?.[1];
      if (id) names.set(id, query.name);
    } catch {
      // Older server, or a statement EXPLAIN cannot take without values: it stays unnamed, its text shown.
    }
  }
  return names;
}

function toStatement(delta: ReturnType<typeof statementDeltas>[number], maxBefore: number | undefined, namesById: ReadonlyMap<string, string>): ScenarioStatement {
  const text = flat(delta.query);
  const catalogQuery = namesById.get(delta.queryId);
  return {
    queryId: delta.queryId,
    role: delta.role,
    toplevel: delta.toplevel,
    query: clipLine(text),
    ...(catalogQuery ? { catalogQuery } : {}),
    calls: delta.calls,
    rows: delta.rows,
    totalExecMs: round3(delta.totalExecMs),
    meanExecMs: round3(delta.totalExecMs / delta.calls),
    // pg_stat_statements keeps an all-time max: it is the window's only when the window raised it.
    ...(delta.maxExecMs > (maxBefore ?? 0) ? { maxExecMs: round3(delta.maxExecMs) } : {}),
    sharedBlksHit: delta.sharedBlksHit,
    sharedBlksRead: delta.sharedBlksRead,
    tempBlksWritten: delta.tempBlksWritten,
  };
}

async function collectPlans(client: pg.Client, setup: CaptureSetup, journeyOf: ReadonlyMap<string, string>, thresholds: PlanThresholds): Promise<PlanCapture> {
  const capture = captureWithoutPlans(setup);
  if (setup.status !== 'on') return capture;
  let logged;
  try {
    logged = parseAutoExplainLog(await readCaptureLog(client, setup));
  } catch (error) {
    return { ...capture, status: 'unavailable', reason: `the server log could not be read back (${(error as Error).message})` };
  }
  const byJourney = new Map<string, CapturedPlan[]>();
  for (const entry of logged) {
    // The cluster's log holds every database's sessions: only this database's journeys count.
    const journey = entry.database === setup.database ? journeyOf.get(entry.tag) : undefined;
    const text = String(entry.plan['Query Text'] ?? '');
    // The request context's set_config runs under the journey's tag too: the harness's, not the journey's.
    if (!journey || isHarnessStatement(text)) continue;
    capture.logged[journey] = (capture.logged[journey] ?? 0) + 1;
    const plans = byJourney.get(journey) ?? [];
    plans.push({ journey, durationMs: round3(entry.durationMs), query: clipLine(flat(text)), findings: readPlan(entry.plan, thresholds), plan: entry.plan });
    byJourney.set(journey, plans);
  }
  for (const journey of [...byJourney.keys()].sort()) {
    capture.plans.push(...byJourney.get(journey)!.sort((a, b) => b.durationMs - a.durationMs).slice(0, PLANS_PER_JOURNEY));
  }
  return capture;
}

/** The scenario's section with what the server said: waits on its journeys, the statements, the plans. Pure. */
export function attachDiagnostics(result: ScenarioResult, diagnostics: ScenarioDiagnostics, journeys: readonly WorkloadJourney[]): ScenarioResult {
  const queryOf = new Map(journeys.flatMap((journey) => (journey.kind === 'read' ? [[journey.name, journey.query] as const] : [])));
  return {
    ...result,
    ...(result.journeys
      ? {
          journeys: result.journeys.map((journey) => {
            const waits = diagnostics.waits.get(journey.name);
            const catalogQuery = queryOf.get(journey.name);
            return { ...journey, ...(catalogQuery ? { catalogQuery } : {}), ...(waits ? { waits } : {}) };
          }),
        }
      : {}),
    statements: diagnostics.statements,
    capture: diagnostics.capture,
  };
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clipLine(text: string, max = 240): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
