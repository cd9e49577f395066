import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SEED_PASSWORD } from '../../generators/core/seedPassword.ts';
import { mintApiKeys, type ApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { withRequestContext } from '../../stack/requestContext.ts';
import type { RestHandler } from '../../stack/rest/restTypes.ts';
import type { StorageHandler } from '../../stack/storage/storageTypes.ts';
import { startLocalApi, type LocalApi, type LocalApiOptions } from '../../stack/server/startLocalApi.ts';
import type pg from 'pg';
import { WebSocket } from 'undici';

/**
 * A tiny real REST layer for the HTTP layer's tests (the PostgREST one lives in stack/rest):
 * whatever the path, it runs one query through the request context, so the role and claims
 * the server derived from the JWT are what the database sees.
 */
export async function whoAmIRest(pool: pg.Pool): Promise<RestHandler> {
  return async (request) => {
    const client = await pool.connect();
    try {
      const startedAt = performance.now();
      const { rows } = await withRequestContext(
        client,
        { ...request.auth, method: request.method, path: request.path, headers: request.headers },
        (c) => c.query(`SELECT current_user AS role, auth.uid() AS uid, auth.jwt() ->> 'email' AS email, current_setting('request.path') AS path`),
        { scope: 'transaction', readOnly: request.method === 'GET' || request.method === 'HEAD' },
      );
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(rows), dbMs: performance.now() - startedAt };
    } finally {
      client.release();
    }
  };
}

export interface LocalApiHarness {
  api: LocalApi;
  secret: string;
  keys: ApiKeys;
  /** A supabase-js client as an app makes it (anon key, no session persisted, no timers). */
  client: (options?: { key?: string; accessToken?: string }) => SupabaseClient;
  /** A client signed in through /auth/v1 with signInWithPassword, as a browser session of that user. */
  signedIn: (email: string, password?: string) => Promise<SupabaseClient>;
}

/**
 * The local API on port 0 over a test database, with a fresh secret and its keys. `/rest/v1`
 * is `whoAmIRest` unless `rest` builds another layer (`createRestHandler` for the real one).
 */
export async function startTestApi(
  databaseUrl: string,
  options: { rest?: (pool: pg.Pool) => Promise<RestHandler>; storage?: (pool: pg.Pool, secret: string) => StorageHandler; auth?: LocalApiOptions['auth'] } = {},
): Promise<LocalApiHarness> {
  const secret = generateJwtSecret();
  const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
  const storage = options.storage;
  const api = await startLocalApi({
    databaseUrl,
    jwtSecret: secret,
    port: 0,
    pool: { min: 0, max: 4, idleTimeoutMs: 1000 },
    rest: options.rest ?? whoAmIRest,
    ...(storage ? { storage: (pool: pg.Pool) => storage(pool, secret) } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    // The server's failures show in the test output, as they would in its log file.
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const client = (options: { key?: string; accessToken?: string } = {}) =>
    createClient(api.url, options.key ?? keys.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      // Node 20 has no global WebSocket; realtime-js needs one at construction even when unused.
      realtime: { transport: WebSocket as unknown as NonNullable<NonNullable<Parameters<typeof createClient>[2]>['realtime']>['transport'] },
      ...(options.accessToken ? { global: { headers: { Authorization: `Bearer ${options.accessToken}` } } } : {}),
    });
  const signedIn = async (email: string, password = SEED_PASSWORD) => {
    const supabase = client();
    const { error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) throw new Error(`could not sign ${email} in: ${error.message}`);
    return supabase;
  };
  return { api, secret, keys, client, signedIn };
}
