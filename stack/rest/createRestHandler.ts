import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withRequestContext } from '../requestContext.ts';
import { journeyApplicationName } from './journeyHeader.ts';
import { fromDatabaseError, PgrstError, singularityError } from './pgrstError.ts';
import { planRequest } from './planRequest.ts';
import type { MainRow } from './renderMain.ts';
import { errorResponse, restResponse } from './restResponse.ts';
import type { RestHandler, RestRequest, RestResponse } from './restTypes.ts';
import { loadSchemaCache, type SchemaCache } from './schemaCache.ts';

export interface RestHandlerOptions {
  /** The exposed schemas (PostgREST's `db-schemas`); the first is the default. Default ['public']. */
  schemas?: string[];
}

/** The `/rest/v1` handler, and the schema cache reload PostgREST does on `NOTIFY pgrst, 'reload schema'`. */
export type ReloadableRestHandler = RestHandler & { reloadSchemaCache: () => Promise<void> };

/**
 * PostgREST over `pool`: reads the schema cache now, then answers each request with one
 * statement in one transaction (READ ONLY for GET and HEAD) under the caller's role and
 * claims, set through the request context; RLS and grants decide what it sees.
 */
export async function createRestHandler(pool: pg.Pool, options: RestHandlerOptions = {}): Promise<ReloadableRestHandler> {
  const schemas = options.schemas ?? ['public'];
  const load = async () => {
    const client = await pool.connect();
    try {
      return await loadSchemaCache(client, schemas);
    } finally {
      client.release();
    }
  };
  let cache: SchemaCache = await load();

  const handle = async (request: RestRequest): Promise<RestResponse> => {
    let dbMs = 0;
    try {
      const plan = planRequest(cache, request);
      const client = await pool.connect();
      let broken: Error | undefined;
      const started = performance.now();
      try {
        const applicationName = journeyApplicationName(request.headers);
        const context = { ...request.auth, method: request.method, path: `/rest/v1${request.path}`, headers: request.headers, ...(applicationName ? { applicationName } : {}) };
        // A PoolClient is a Client as far as the request context is concerned (queries on one connection).
        const row = await withRequestContext(
          client as unknown as pg.Client,
          context,
          async (c) => {
            const result = (await c.query<MainRow>(plan.text, plan.values)).rows[0]!;
            // Thrown inside the transaction, so a write that is not exactly one row is undone (PGR does the same).
            if (plan.single && Number(result.page_total) !== 1) throw singularityError(Number(result.page_total));
            return result;
          },
          { scope: 'transaction', outcome: plan.rollback ? 'rollback' : 'commit', readOnly: plan.readOnly },
        );
        dbMs = performance.now() - started;
        return restResponse(plan, row, dbMs);
      } catch (error) {
        dbMs = performance.now() - started;
        if (!(error instanceof pg.DatabaseError) && !(error instanceof PgrstError)) broken = error as Error;
        throw error;
      } finally {
        // A connection that failed outside SQL is not given back to the pool.
        client.release(broken);
      }
    } catch (error) {
      if (error instanceof PgrstError) return errorResponse(error, dbMs);
      if (error instanceof pg.DatabaseError) return errorResponse(fromDatabaseError(error, request.auth.role !== 'anon'), dbMs);
      throw error;
    }
  };
  return Object.assign(handle, {
    reloadSchemaCache: async () => {
      cache = await load();
    },
  });
}
