import type pg from 'pg';
import { INTERNAL_MARK } from '../../bench/sampleParams.ts';
import type { ResolvedConfig } from '../../core/config/configSchema.ts';
import type { PlanCapture } from '../../results/resultsModel.ts';

/** Where capture stands before the load: on (with the settings every pooled connection starts with), or why not. */
export type CaptureSetup =
  | { status: 'on'; sessionOptions: string; database: string; logFile: string; logOffset: number; minDurationMs: number; sampleRate: number }
  | { status: 'unavailable' | 'off'; reason?: string; minDurationMs: number; sampleRate: number };

/** The log line prefix the local target sets (stack/localServerSettings.ts): database and application_name, one word each. */
const PREFIX_WITH_APP = / db=%d app=%a /;

/**
 * Decides whether auto_explain can capture plans during the scenario, and how: the pg driver's
 * connections load it at connection start (session_preload_libraries in the startup options,
 * which only a superuser may set — as on the local target; Supabase's postgres role is not
 * one, so there it cannot), and the harness reads the plans back from the server log with
 * pg_read_binary_file, which the log line prefix must let it attribute (%a).
 */
export async function prepareCapture(client: pg.Client, config: ResolvedConfig, driver: 'pg' | 'rest' | 'storage'): Promise<CaptureSetup> {
  const minDurationMs = config.capture.minDurationMs ?? config.budgets.queryP95Ms;
  const sampleRate = config.capture.sampleRate;
  const base = { minDurationMs, sampleRate };
  if (!config.capture.enabled) return { status: 'off', ...base };
  if (driver === 'rest') return { status: 'unavailable', reason: "the REST driver's statements run on the REST server's own connections; run the scenario with --via pg to capture plans", ...base };
  if (driver === 'storage') return { status: 'unavailable', reason: "the Storage driver's statements run on the Storage server's own connections", ...base };
  const superuser = (await client.query<{ superuser: boolean }>(`${INTERNAL_MARK} SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`)).rows[0]?.superuser;
  if (!superuser) return { status: 'unavailable', reason: 'auto_explain can only be loaded per session by a superuser (on Supabase the postgres role is not one); plans were not captured', ...base };
  // pg_current_logfile is a superuser's (or pg_monitor's) function: asked only now.
  const { rows } = await client.query<{ database: string; prefix: string; destination: string; file: string | null }>(
    `${INTERNAL_MARK} SELECT current_database() AS database, current_setting('log_line_prefix') AS prefix, current_setting('log_destination') AS destination, pg_current_logfile('stderr') AS file`,
  );
  const facts = rows[0]!;
  if (!PREFIX_WITH_APP.test(facts.prefix) || !facts.destination.split(',').map((d) => d.trim()).includes('stderr')) {
    return { status: 'unavailable', reason: "the server's log does not name each line's application_name (log_line_prefix ' db=%d app=%a ' on stderr); restart the local target (db down, db up) to take the harness's settings", ...base };
  }
  // Without the logging collector the server writes stderr to the file pg_ctl was given: the local target's server.log in its data directory.
  const logFile = facts.file ?? 'server.log';
  let logOffset: number;
  try {
    logOffset = Number((await client.query<{ size: string }>(`${INTERNAL_MARK} SELECT (pg_stat_file($1)).size::text AS size`, [logFile])).rows[0]!.size);
  } catch (error) {
    return { status: 'unavailable', reason: `the server log ${logFile} cannot be read (${(error as Error).message}); plans were not captured`, ...base };
  }
  const settings: [string, string][] = [
    ['session_preload_libraries', 'auto_explain'],
    ['auto_explain.log_min_duration', String(minDurationMs)],
    ['auto_explain.log_analyze', 'on'],
    ['auto_explain.log_buffers', 'on'],
    ['auto_explain.log_format', 'json'],
    ['auto_explain.log_nested_statements', 'on'],
    ['auto_explain.sample_rate', String(sampleRate)],
  ];
  return { status: 'on', sessionOptions: settings.map(([name, value]) => `-c ${name}=${value}`).join(' '), database: facts.database, logFile, logOffset, ...base };
}

/** The most of the log read back per scenario, bytes: a longer window keeps its first plans. */
const MAX_LOG_BYTES = 64 * 1024 * 1024;

/** The server log written since the capture was prepared (the scenario's window), as text. */
export async function readCaptureLog(client: pg.Client, setup: Extract<CaptureSetup, { status: 'on' }>): Promise<string> {
  const size = Number((await client.query<{ size: string }>(`${INTERNAL_MARK} SELECT (pg_stat_file($1)).size::text AS size`, [setup.logFile])).rows[0]!.size);
  // A log rotated or truncated meanwhile is read from its start.
  const from = size >= setup.logOffset ? setup.logOffset : 0;
  const length = Math.min(size - from, MAX_LOG_BYTES);
  if (length <= 0) return '';
  const { rows } = await client.query<{ bytes: Buffer }>(`${INTERNAL_MARK} SELECT pg_read_binary_file($1, $2, $3) AS bytes`, [setup.logFile, from, length]);
  return rows[0]!.bytes.toString('utf8');
}

/** One plan auto_explain logged: the database and application_name of its session, the statement's duration, its JSON. */
export interface LoggedPlan {
  database: string;
  tag: string;
  durationMs: number;
  plan: Record<string, unknown>;
}

/** A log message starts at a line that starts with the %m timestamp; auto_explain's JSON continues on the lines after. */
const MESSAGE_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;
const PLAN_MESSAGE = / db=(\S*) app=(\S*) LOG:\s+duration: ([\d.]+) ms\s+plan:\s*\n([\s\S]*)$/;

/** auto_explain's plans in a stretch of the server log (prefix `%m [%p] db=%d app=%a `, log_format json). Pure. */
export function parseAutoExplainLog(text: string): LoggedPlan[] {
  const messages: string[] = [];
  for (const line of text.split('\n')) {
    if (MESSAGE_START.test(line) || messages.length === 0) messages.push(line);
    else messages[messages.length - 1] += `\n${line}`;
  }
  const plans: LoggedPlan[] = [];
  for (const message of messages) {
    const match = PLAN_MESSAGE.exec(message);
    if (!match) continue;
    try {
      plans.push({ database: match[1]!, tag: match[2]!, durationMs: Number(match[3]), plan: JSON.parse(match[4]!) as Record<string, unknown> });
    } catch {
      // A message cut at the window's edge is not a plan.
    }
  }
  return plans;
}

/** The capture section with nothing captured: off or unavailable, with why. */
export function captureWithoutPlans(setup: CaptureSetup): PlanCapture {
  return { status: setup.status === 'on' ? 'captured' : setup.status, ...(setup.status !== 'on' && setup.reason ? { reason: setup.reason } : {}), minDurationMs: setup.minDurationMs, sampleRate: setup.sampleRate, logged: {}, plans: [] };
}
