import type pg from 'pg';
import { GomflowError } from '../core/errors.ts';
import { PipelinedQuery, type NamedStatement } from './pipelinedQuery.ts';

/** Supabase's API roles: PostgREST switches to one of them for every request. */
export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export function isApiRole(value: unknown): value is ApiRole {
  return (API_ROLES as readonly unknown[]).includes(value);
}

/** Who makes a request, and the HTTP request PostgREST would describe to the database. */
export interface RequestContext {
  role: ApiRole;
  /** The auth user id (JWT `sub`); absent for anon and service_role. */
  sub?: string;
  /** Further JWT claims (email, aal, app_metadata …); `role` and `sub` above win over them. */
  claims?: Record<string, unknown>;
  /** HTTP method, as `request.method`; empty when there is no HTTP request behind the work. */
  method?: string;
  /** Request path, as `request.path`; empty when there is none. */
  path?: string;
  /** Request headers, as the JSON object `request.headers` (names lower-cased). */
  headers?: Record<string, string>;
  /** application_name for the request's transaction only (a load journey's tag, so pg_stat_activity and the log say whose statement it is). */
  applicationName?: string;
}

export type RequestOutcome = 'rollback' | 'commit';

/**
 * Where the request runs: its own transaction (rolled back, or committed when asked: writes
 * that must stay; READ ONLY when asked, as PostgREST runs GET and HEAD), or a savepoint inside an already open transaction, always rolled back so
 * the outer transaction's own work stays and the role and claims revert with it.
 */
export type RequestScope = { scope: 'transaction'; outcome?: RequestOutcome; readOnly?: boolean } | { scope: 'savepoint'; outcome?: 'rollback' };

/** Savepoints of the same name nest; each request releases its own, so the nesting never grows. */
const SAVEPOINT = 'gomflow_request';

/**
 * Switches the open transaction to the request's role and claims, as PostgREST's pre-request
 * statement does: one SELECT of set_config(…, true) calls, so everything reverts when the
 * transaction or savepoint ends. set_config('role', …, true) is SET LOCAL ROLE's own setting
 * (PostgREST and Realtime use it), which lets the role travel as a parameter, never as SQL text.
 */
export async function applyRequestContext(client: pg.Client, context: RequestContext): Promise<void> {
  if (!isApiRole(context.role)) throw unknownRole(context.role);
  const { name, text, values } = contextStatement(context);
  await client.query({ name, text, values: values as unknown[] });
}

/** Back to the connecting role with no claims, for the rest of the open transaction. */
export async function clearRequestContext(client: pg.Client): Promise<void> {
  // 'none' is what RESET ROLE stores; set locally, it ends with the transaction like the rest.
  await client.query({ ...SET_REQUEST_CONTEXT, values: ['none', '', '', '', ''] });
}

// Named, so each connection prepares it once (as PostgREST's prepared statements do) instead of
// parsing it per request; the awaited and the pipelined form share the one preparation.
const SET_REQUEST_CONTEXT: NamedStatement = {
  name: 'gomflow_request_context',
  text: `SELECT set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('request.method', $3, true),
            set_config('request.path', $4, true), set_config('request.headers', $5, true)`,
};

// A second named form rather than a sixth parameter on the first: untagged requests keep the
// connection's own application_name instead of setting it to itself on every request.
const SET_TAGGED_REQUEST_CONTEXT: NamedStatement = {
  name: 'gomflow_request_context_tagged',
  text: `${SET_REQUEST_CONTEXT.text}, set_config('application_name', $6, true)`,
};

/** SET_REQUEST_CONTEXT with the context's values, tagged with its application_name when it has one. */
function contextStatement(context: RequestContext): NamedStatement {
  const values = requestSettings(context);
  return context.applicationName ? { ...SET_TAGGED_REQUEST_CONTEXT, values: [...values, context.applicationName] } : { ...SET_REQUEST_CONTEXT, values };
}

/** The values of SET_REQUEST_CONTEXT: role, claims, method, path, headers. */
function requestSettings(context: RequestContext): string[] {
  const claims = { ...context.claims, role: context.role, ...(context.sub ? { sub: context.sub } : {}) };
  const headers = Object.fromEntries(Object.entries(context.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return [context.role, JSON.stringify(claims), context.method ?? '', context.path ?? '', JSON.stringify(headers)];
}

/**
 * Runs `work` as PostgREST runs a request: role, claims and request settings applied inside
 * the scope, so RLS and auth.uid() behave as in production. By default the transaction is
 * rolled back: a probe or a benchmark never leaves a change behind.
 */
export function withRequestContext<T>(client: pg.Client, context: RequestContext, work: (client: pg.Client) => Promise<T>, scope: RequestScope = { scope: 'transaction' }): Promise<T> {
  // Refused before BEGIN: a role that is not an API role never reaches the server.
  if (!isApiRole(context.role)) return Promise.reject(unknownRole(context.role));
  return withRequestScope(client, scope, async () => {
    await applyRequestContext(client, context);
    return work(client);
  });
}

/** The transaction statements of a pipelined request, named like the context statement: prepared once per connection. */
const BEGIN: NamedStatement = { name: 'gomflow_begin', text: 'BEGIN' };
const BEGIN_READ_ONLY: NamedStatement = { name: 'gomflow_begin_read_only', text: 'BEGIN READ ONLY' };
const COMMIT: NamedStatement = { name: 'gomflow_commit', text: 'COMMIT' };
const ROLLBACK: NamedStatement = { name: 'gomflow_rollback', text: 'ROLLBACK' };

/**
 * withRequestContext for one statement, in one round trip: BEGIN [READ ONLY], the request
 * context, the statement and ROLLBACK (or COMMIT) go as one pipeline with a single Sync, each a
 * named statement prepared once per connection, values always as parameters. Returns the
 * statement's rows. An error is the server's own (DatabaseError with its SQLSTATE) or the
 * client's connection error, as from client.query; since the server skips to the Sync after an
 * error, the transaction it leaves (failed, or open when a value could not be sent) is rolled
 * back before this returns, so the connection goes back idle.
 */
export async function requestQuery<R = Record<string, unknown>>(
  client: pg.Client,
  context: RequestContext,
  statement: NamedStatement,
  options: { readOnly?: boolean; outcome?: RequestOutcome } = {},
): Promise<R[]> {
  if (!isApiRole(context.role)) throw unknownRole(context.role);
  const pipeline = new PipelinedQuery<R>([options.readOnly ? BEGIN_READ_ONLY : BEGIN, contextStatement(context), statement, options.outcome === 'commit' ? COMMIT : ROLLBACK], 2);
  client.query(pipeline);
  try {
    return await pipeline.done;
  } catch (error) {
    // Unnamed, so it does not depend on what the failed pipeline left prepared; outside a
    // transaction it is only a warning; failing, it means a dead connection, which the error already says.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function unknownRole(role: unknown): GomflowError {
  return new GomflowError('E_USAGE', `unknown API role '${String(role)}'; use one of ${API_ROLES.join(', ')}`);
}

/**
 * Opens the scope, runs `work`, and ends it: rolled back when work fails or no commit was
 * asked for. A savepoint may also be committed (released), keeping its work in the outer
 * transaction — the probes' `keep` — which withRequestContext does not allow, because the
 * role and claims would then outlive the request.
 */
export async function withRequestScope<T>(client: pg.Client, scope: { scope: RequestScope['scope']; outcome?: RequestOutcome; readOnly?: boolean }, work: () => Promise<T>): Promise<T> {
  const savepoint = scope.scope === 'savepoint';
  const begin = scope.readOnly ? 'BEGIN READ ONLY' : 'BEGIN';
  const undo = savepoint ? `ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}` : 'ROLLBACK';
  const keep = savepoint ? `RELEASE SAVEPOINT ${SAVEPOINT}` : 'COMMIT';
  await client.query(savepoint ? `SAVEPOINT ${SAVEPOINT}` : begin);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // The work's error is the one worth reporting; a failed undo means a dead connection anyway.
    await client.query(undo).catch(() => undefined);
    throw error;
  }
  await client.query(scope.outcome === 'commit' ? keep : undo);
  return result;
}
