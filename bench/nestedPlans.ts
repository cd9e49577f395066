import type pg from 'pg';
import { withRequestContext, type RequestContext, type RequestScope } from '../stack/requestContext.ts';

/** The plan of one statement a called function ran, as auto_explain reported it. */
export interface NestedPlan {
  queryText: string;
  durationMs: number;
  /** auto_explain's JSON: { "Query Text", "Plan": {…} }, which readPlan reads like EXPLAIN's. */
  plan: unknown;
}

/** At most this many nested plans are kept: a function called once per row would otherwise flood the client. */
const MAX_NESTED = 20;

/** A catalog statement that calls a function of schema public (an RPC): its plan shows only the call. */
export function callsFunction(sql: string): boolean {
  return /\bpublic\.[a-z_][a-z0-9_]*\s*\(/i.test(sql);
}

/** log_min_duration last: from then on every statement is explained. */
const SETTINGS = [
  ['auto_explain.log_analyze', 'on'],
  ['auto_explain.log_buffers', 'on'],
  ['auto_explain.log_nested_statements', 'on'],
  ['auto_explain.log_format', 'json'],
  ['auto_explain.log_level', 'notice'],
  ['auto_explain.log_min_duration', '0'],
] as const;

/** The harness's own statements around the request (role switch, savepoints, this module's settings). */
const HARNESS = /^\s*(?:SELECT\s+set_config\(|SET\s|SAVEPOINT|ROLLBACK|BEGIN|RELEASE)/i;

/**
 * Runs the statement once more with auto_explain sending the plans of the statements it runs
 * inside functions to this client as notices (EXPLAIN shows a function call as one opaque
 * node). Needs the right to LOAD auto_explain (a superuser, as on the local target); without
 * it, or if anything fails, returns no plans and the benchmark goes on.
 */
export async function captureNestedPlans(client: pg.Client, scope: RequestScope, context: RequestContext, text: string, values: unknown[]): Promise<NestedPlan[]> {
  const notices: string[] = [];
  const onNotice = (notice: { message?: string }) => {
    if (notices.length < MAX_NESTED * 2 && notice.message?.includes('"Plan"')) notices.push(notice.message);
  };
  let loaded = false;
  client.on('notice', onNotice);
  try {
    await client.query(`LOAD 'auto_explain'`);
    loaded = true;
    for (const [name, value] of SETTINGS) await client.query(`SELECT set_config($1, $2, false)`, [name, value]);
    await withRequestContext(client, context, (c) => c.query(text, values), scope);
  } catch {
    return [];
  } finally {
    if (loaded) await client.query(`SELECT set_config('auto_explain.log_min_duration', '-1', false)`).catch(() => undefined);
    client.off('notice', onNotice);
  }
  const plans: NestedPlan[] = [];
  for (const message of notices) {
    const json = message.slice(message.indexOf('{'));
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(json) as Record<string, unknown>;
    } catch {
      continue;
    }
    const queryText = typeof parsed['Query Text'] === 'string' ? (parsed['Query Text'] as string) : '';
    // The statement itself is logged too; only what ran inside it is new.
    if (queryText.trim() === text.trim() || queryText.includes('/* bench:') || HARNESS.test(queryText)) continue;
    const duration = /duration: ([\d.]+) ms/.exec(message);
    plans.push({ queryText, durationMs: duration ? Number(duration[1]) : 0, plan: parsed });
    if (plans.length >= MAX_NESTED) break;
  }
  return plans;
}
