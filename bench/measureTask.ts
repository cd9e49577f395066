import type pg from 'pg';
import { isConnectionLost } from '../stack/connectionLost.ts';
import { withRequestContext, type ApiRole, type RequestContext, type RequestScope } from '../stack/requestContext.ts';
import type { CatalogQuery, ParamClass } from './catalogQuery.ts';
import { callsFunction, captureNestedPlans, type NestedPlan } from './nestedPlans.ts';
import { measurePlanCacheModes, type PlanCacheModes } from './planCacheModes.ts';
import type { SampleRow } from './sampleParams.ts';

/** One measurement to take: a catalog query as one role with one class of parameters. */
export interface BenchTask {
  query: CatalogQuery;
  role: ApiRole;
  paramClass: ParamClass;
  /** Parameter rows; iteration i uses rows[i % rows.length], EXPLAIN uses rows[0]. */
  rows: SampleRow[];
  /** The JWT sub of an authenticated run whose sample row names none (the buyer persona). */
  defaultSub: string;
}

export interface TaskSettings {
  iterations: number;
  warmup: number;
  explainRuns: number;
  timeCapMs: number;
}

/** One EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) run. */
export interface ExplainRun {
  plan: unknown;
  planningMs: number | undefined;
  executionMs: number | undefined;
}

/** What one task measured: raw samples, nothing aggregated. */
export interface TaskMeasurement {
  task: BenchTask;
  /** Client-side latency of each timed execution, ms. */
  latenciesMs: number[];
  /** Whether the time cap stopped the timed executions early. */
  capped: boolean;
  explains: ExplainRun[];
  /** Plans of the statements run inside the functions the statement calls (empty when it calls none). */
  nestedPlans: NestedPlan[];
  /** Rows the last timed execution returned (PostgREST's page_total when the statement has one). */
  rowsReturned: number | undefined;
  /** pg_stat_statements' id of the statement, when the server computes one. */
  queryId: string | undefined;
  /** The statement prepared, under a custom and a generic plan (absent without parameters, or when the cap was hit). */
  planModes?: PlanCacheModes;
  /** The first error, which ends the task. */
  error: string | undefined;
}

/**
 * Measures one task: warm-up executions, then timed executions (each phase stopped by the
 * time cap, after at least one), then the EXPLAIN ANALYZE runs (only one when the cap was
 * hit), and for a function call one more run that catches the plans of the function's own
 * statements. Each execution is its own request as `role`, run in `scope` (PostgREST's
 * rolled-back transaction, or a savepoint inside the what-if).
 * Latency is the round trip of the statement alone, timed at the client; the role switch
 * around it is not counted. Errors end the task and are returned, not thrown.
 */
export async function measureTask(client: pg.Client, task: BenchTask, settings: TaskSettings, scope: RequestScope, now: () => number = performance.now.bind(performance)): Promise<TaskMeasurement> {
  const measurement: TaskMeasurement = { task, latenciesMs: [], capped: false, explains: [], nestedPlans: [], rowsReturned: undefined, queryId: undefined, error: undefined };
  const text = `/* bench:${task.query.name} */\n${task.query.sql}`;
  const contextFor = (row: SampleRow): RequestContext =>
    task.role === 'authenticated' ? { role: task.role, sub: row.sub ?? task.defaultSub } : { role: task.role };
  const request = <T>(context: RequestContext, work: (c: pg.Client) => Promise<T>) => withRequestContext(client, context, work, scope);
  try {
    const warming = now();
    for (let i = 0; i < settings.warmup && (i === 0 || now() - warming < settings.timeCapMs); i += 1) {
      const row = task.rows[i % task.rows.length]!;
      await request(contextFor(row), (c) => c.query(text, row.values));
    }
    const started = now();
    for (let i = 0; i < settings.iterations; i += 1) {
      if (i > 0 && now() - started >= settings.timeCapMs) {
        measurement.capped = true;
        break;
      }
      const row = task.rows[i % task.rows.length]!;
      await request(contextFor(row), async (c) => {
        const t0 = now();
        const result = await c.query(text, row.values);
        measurement.latenciesMs.push(now() - t0);
        measurement.rowsReturned = rowsOf(result);
      });
    }
    const first = task.rows[0]!;
    // A query slow enough to hit the cap gets one EXPLAIN run, not several.
    for (let i = 0; i < (measurement.capped ? 1 : settings.explainRuns); i += 1) {
      const explained = await request(contextFor(first), (c) => c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, first.values));
      const plan = (explained.rows[0] as Record<string, unknown>)['QUERY PLAN'];
      const top = (Array.isArray(plan) ? plan[0] : plan) as Record<string, unknown> | undefined;
      measurement.explains.push({ plan, planningMs: numberOr(top?.['Planning Time']), executionMs: numberOr(top?.['Execution Time']) });
    }
    if (callsFunction(task.query.sql)) measurement.nestedPlans = await captureNestedPlans(client, scope, contextFor(first), text, first.values);
    measurement.queryId = await request(contextFor(first), async (c) => {
      // Read as text: the 64-bit identifier does not survive JSON.parse into a JS number.
      const verbose = await c.query({ text: `EXPLAIN (VERBOSE, FORMAT JSON) ${text}`, values: first.values, types: { getTypeParser: () => (value: string) => value } });
      const raw = String((verbose.rows[0] as Record<string, unknown>)['QUERY PLAN']);
      return /"Query Identifier": (-?\d+)/.exec(raw)?.[1];
    });
    if (first.values.length > 0 && !measurement.capped) {
      measurement.planModes = await request(contextFor(first), (c) => measurePlanCacheModes(c, text, first.values)).catch((error: unknown) => {
        // The comparison is extra: only a lost server stops the task.
        if (isConnectionLost(error)) throw error;
        return undefined;
      });
    }
  } catch (error) {
    // A lost server is not the query's failure: the run stops and keeps what it measured.
    if (isConnectionLost(error)) throw error;
    measurement.error = (error as Error).message ?? String(error);
  }
  return measurement;
}

function rowsOf(result: pg.QueryResult): number {
  const first = result.rows[0] as Record<string, unknown> | undefined;
  if (first && 'page_total' in first) return Number(first.page_total);
  return result.rowCount ?? result.rows.length;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
