import type pg from 'pg';
import type { NamedStatement } from '../pipelinedQuery.ts';
import { requestQuery, withRequestContext, withRequestScope, type RequestContext, type RequestOutcome } from '../requestContext.ts';
import { fromDatabaseError } from './storageError.ts';

/**
 * The database side of one Storage request: work as the caller (role and claims through the
 * request context, so the storage policies decide) or as the server's own role (Storage's
 * asSuperUser: bucket lookups, signed URLs), each on a pooled connection. It adds up the time
 * spent there for Server-Timing, and turns PostgreSQL's errors into Storage's.
 */
export class StorageSession {
  dbMs = 0;

  constructor(
    private readonly pool: pg.Pool,
    /** Anon until the request's JWT (or a signed URL's token) says who it is. */
    public caller: RequestContext,
  ) {}

  /** As the caller in its own transaction: rolled back (a permission test, a read) unless `commit`. */
  asCaller<T>(work: (client: pg.Client) => Promise<T>, options: { commit?: boolean; readOnly?: boolean } = {}): Promise<T> {
    return this.timed((client) => withRequestContext(client, this.caller, work, { scope: 'transaction', outcome: options.commit ? 'commit' : 'rollback', readOnly: options.readOnly ?? false }));
  }

  /** One statement as the caller in one round trip (requestQuery): rolled back unless `commit`. */
  requestQuery<R = Record<string, unknown>>(statement: NamedStatement, options: { outcome?: RequestOutcome } = {}): Promise<R[]> {
    return this.timed((client) => requestQuery<R>(client, this.caller, statement, options));
  }

  /** As the server's own role, outside any request context. */
  asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    return this.timed(work);
  }

  /** One committed transaction as the server's own role (Storage's asSuperUser().withTransaction). */
  inTransaction<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    return this.timed((client) => withRequestScope(client, { scope: 'transaction', outcome: 'commit' }, () => work(client)));
  }

  private async timed<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const startedAt = performance.now();
    const client = (await this.pool.connect()) as pg.PoolClient;
    try {
      return await work(client as unknown as pg.Client);
    } catch (error) {
      throw fromDatabaseError(error);
    } finally {
      client.release();
      this.dbMs += performance.now() - startedAt;
    }
  }
}
