import type pg from 'pg';

/** What every /auth/v1 endpoint works with. */
export interface AuthContext {
  pool: pg.Pool;
  jwtSecret: string;
  /** The `iss` of the access tokens: the server's own `<url>/auth/v1`. */
  issuer: string;
}
