import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { GomflowError } from '../../core/errors.ts';
import { createAuthHandler } from '../auth/createAuthHandler.ts';
import { TokenBuckets, type TokenRateLimit } from '../auth/tokenBuckets.ts';
import type { RestHandler } from '../rest/restTypes.ts';
import { attachRealtime, DEFAULT_REALTIME_SETTINGS, type RealtimeServer, type RealtimeSettings } from '../realtime/attachRealtime.ts';
import type { StorageHandler } from '../storage/storageTypes.ts';
import { createApiRouter } from './createApiRouter.ts';

export interface LocalApiOptions {
  /** The target database; the server's one pool connects there. Never printed. */
  databaseUrl: string;
  /** The target's HS256 secret: verifies every key and token, signs the access tokens. */
  jwtSecret: string;
  /** Loopback only: the local stack is a test target, never a service on the network. */
  host?: '127.0.0.1';
  /** 0 picks a free port. */
  port?: number;
  /** The pool (config `pool.*`): min idle clients, max clients, idle timeout in ms. */
  pool?: { min: number; max: number; idleTimeoutMs: number };
  /** Builds the PostgREST layer on the server's pool; without it /rest/v1 answers 503. */
  rest?: (pool: pg.Pool) => Promise<RestHandler>;
  /** Builds `/storage/v1` on the server's pool; without it the path is not routed. */
  storage?: (pool: pg.Pool) => StorageHandler;
  /** Where failures are logged: the caller's log (a stage never prints; the detached server writes its log file). */
  log: (line: string) => void;
  /** /realtime/v1 limits: events per second (default 100), bytes per record (default 1 MiB). */
  realtime?: Partial<RealtimeSettings>;
  /** /auth/v1 limits: GoTrue's per-IP limit on POST /token, off unless given (tests of sign-in pacing turn it on). */
  auth?: { tokenRateLimit?: TokenRateLimit };
}

export interface LocalApi {
  /** SUPABASE_URL of the local stack: `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** /realtime/v1: its hub's stats and per-change events. */
  realtime: RealtimeServer['hub'];
  /** Stops listening, ends open connections, drops the realtime slot, ends the pool. */
  close: () => Promise<void>;
}

/** Starts the local Supabase-compatible HTTP server (node:http: measured faster than fastify here, see README). */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new GomflowError('E_USAGE', `the local API listens on 127.0.0.1 only, not ${String(host)}`);
  const { log } = options;
  const sizes = options.pool ?? { min: 2, max: 10, idleTimeoutMs: 10_000 };
  const pool = new pg.Pool({ connectionString: options.databaseUrl, min: sizes.min, max: sizes.max, idleTimeoutMillis: sizes.idleTimeoutMs });
  // An idle client dies when the database restarts or is reset; the pool replaces it, the server must not crash.
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));
  try {
    const rest = options.rest ? await options.rest(pool) : undefined;
    const server = http.createServer();
    // Longer than the clients' keep-alive, so a load driver's idle sockets are not cut under it.
    server.keepAliveTimeout = 65_000;
    const port = await listen(server, host, options.port ?? 0);
    const url = `http://${host}:${port}`;
    const limit = options.auth?.tokenRateLimit;
    const auth = createAuthHandler({ pool, jwtSecret: options.jwtSecret, issuer: `${url}/auth/v1`, ...(limit ? { tokenRateLimit: new TokenBuckets(limit) } : {}) });
    const storage = options.storage?.(pool);
    server.on('request', createApiRouter({ jwtSecret: options.jwtSecret, auth, rest, log, ...(storage ? { storage } : {}) }));
    const realtime = attachRealtime(server, { databaseUrl: options.databaseUrl, jwtSecret: options.jwtSecret, pool, settings: { ...DEFAULT_REALTIME_SETTINGS, ...options.realtime }, log });
    return {
      url,
      port,
      realtime: realtime.hub,
      close: async () => {
        // Upgraded sockets still count as the server's connections: end them first.
        await realtime.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
