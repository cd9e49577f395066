/**
 * The entry point of the detached API server that `db up` starts (stack/server/localApiProcess.ts)
 * and the benchmarks spawn (scripts/bench/spawnLocalApi.ts):
 * its settings arrive in the environment (never on the command line, where `ps` shows them),
 * it tells its parent the URL over IPC once listening, logs to the file it was given as
 * stdout/stderr, and stops cleanly on SIGTERM (`db down`).
 */
import { GOTRUE_TOKEN_BURST, type TokenRateLimit } from '../stack/auth/tokenBuckets.ts';
import { createRestHandler } from '../stack/rest/createRestHandler.ts';
import { createStorageHandler } from '../stack/storage/createStorageHandler.ts';
import { localApiBanner } from '../stack/server/localApiBanner.ts';
import { startLocalApi, type LocalApi, type LocalApiOptions } from '../stack/server/startLocalApi.ts';

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

async function main(): Promise<void> {
  const env = process.env;
  const options: LocalApiOptions = {
    databaseUrl: env.GOMFLOW_API_DATABASE_URL ?? '',
    jwtSecret: env.GOMFLOW_API_JWT_SECRET ?? '',
    pool: JSON.parse(env.GOMFLOW_API_POOL ?? '{"min":2,"max":10,"idleTimeoutMs":10000}') as NonNullable<LocalApiOptions['pool']>,
    rest: (pool) => createRestHandler(pool, { schemas: ['public'] }),
    ...(env.GOMFLOW_API_STORAGE_DIR
      ? {
          storage: (pool) =>
            createStorageHandler(pool, {
              root: env.GOMFLOW_API_STORAGE_DIR!,
              jwtSecret: env.GOMFLOW_API_JWT_SECRET ?? '',
              ...(env.GOMFLOW_STORAGE_FILE_SIZE_LIMIT ? { fileSizeLimit: Number(env.GOMFLOW_STORAGE_FILE_SIZE_LIMIT) } : {}),
              log,
            }),
        }
      : {}),
    ...(env.GOMFLOW_AUTH_RATE_LIMIT_TOKEN ? { auth: { tokenRateLimit: tokenRateLimitFrom(env.GOMFLOW_AUTH_RATE_LIMIT_TOKEN) } } : {}),
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

/** GOMFLOW_AUTH_RATE_LIMIT_TOKEN: /token requests per 5 minutes per IP, as GoTrue's RATE_LIMIT_TOKEN_REFRESH, with its burst of 30. */
function tokenRateLimitFrom(raw: string): TokenRateLimit {
  const perFiveMinutes = Number(raw);
  if (!(perFiveMinutes > 0)) throw new Error(`GOMFLOW_AUTH_RATE_LIMIT_TOKEN must be a positive number of requests per 5 minutes, got '${raw}'`);
  return { perFiveMinutes, burst: GOTRUE_TOKEN_BURST };
}

main().catch((error: unknown) => {
  log(`could not start: ${(error as Error).message}`);
  process.exit(1);
});
