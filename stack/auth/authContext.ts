import type pg from 'pg';
import type { TokenBuckets } from './tokenBuckets.ts';

/** What every /auth/v1 endpoint works with. */
export interface AuthContext {
  pool: pg.Pool;
  jwtSecret: string;
  /** The `iss` of the access tokens: the server's own `<url>/auth/v1`. */
  issuer: string;
  /** GoTrue's per-IP limit on POST /token; absent: no limit (the local default). */
  tokenRateLimit?: TokenBuckets;
}
