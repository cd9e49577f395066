/**
 * The entry point of the detached API server that `db up` starts (stack/server/localApiProcess.ts):
 * its settings arrive in the environment (never on the command line, where `ps` shows them),
 * it tells its parent the URL over IPC once listening, logs to the file it was given as
 * stdout/stderr, and stops cleanly on SIGTERM (`db down`).
 */
import type pg from 'pg';
import type { RestHandler } from '../rest/restTypes.ts';
import { localApiBanner } from './localApiBanner.ts';
import { startLocalApi, type LocalApi, type LocalApiOptions } from './startLocalApi.ts';

/** The PostgREST layer's factory (stack/rest, built beside this server); loaded by name so the server also runs without it. */
const REST_LAYER: string = '../rest/createRestHandler.ts';

type RestFactory = (pool: pg.Pool, options: { schemas: string[] }) => Promise<RestHandler>;

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

async function loadRestLayer(): Promise<LocalApiOptions['rest']> {
  try {
    const { createRestHandler } = (await import(REST_LAYER)) as { createRestHandler: RestFactory };
    return (pool) => createRestHandler(pool, { schemas: ['public'] });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    log('no PostgREST layer installed (stack/rest/createRestHandler.ts): /rest/v1 answers 503');
    return undefined;
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const options: LocalApiOptions = {
    databaseUrl: env.GOMFLOW_API_DATABASE_URL ?? '',
    jwtSecret: env.GOMFLOW_API_JWT_SECRET ?? '',
    pool: JSON.parse(env.GOMFLOW_API_POOL ?? '{"min":2,"max":10,"idleTimeoutMs":10000}') as NonNullable<LocalApiOptions['pool']>,
    rest: await loadRestLayer(),
    log,
  };
  const preferred = Number(env.GOMFLOW_API_PORT ?? 0);
  let api: LocalApi;
  try {
    api = await startLocalApi({ ...options, port: preferred });
  } catch (error) {
    // The port kept from the last run is taken: any free one will do, the parent records it.
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    api = await startLocalApi({ ...options, port: 0 });
  }
  log(localApiBanner(api.url));
  const stop = () => {
    log('stopping');
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.send?.({ url: api.url, port: api.port });
  process.disconnect?.();
}

main().catch((error: unknown) => {
  log(`could not start: ${(error as Error).message}`);
  process.exit(1);
});
