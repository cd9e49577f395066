import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { createRestHandler } from '../../stack/rest/createRestHandler.ts';
import { startLocalApi, type LocalApi } from '../../stack/server/startLocalApi.ts';
import { runCli } from '../helpers/runCli.ts';
import { seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { tempProjects } from '../helpers/tempProjects.ts';
import { writtenResults } from '../helpers/writtenResults.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const project = tempProjects('gomflow-stg-');

/**
 * The remote code path in CI: a `supabase`-kind target whose SUPABASE_URL is the local API on
 * port 0 and whose DATABASE_URL is a test database, so the commands take exactly the path a
 * staging run takes (no shim, --confirm-target, REST and Auth over HTTP).
 */
describe('a supabase target on the local stack', () => {
  let db: TestDatabase;
  let api: LocalApi;
  let env: Record<string, string>;
  let cwd: string;

  beforeAll(async () => {
    db = await createTestDatabase('stg_target');
    const secret = generateJwtSecret();
    const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
    // GoTrue's per-IP limit on /token, scaled down (20/s, bursts of 5) so the smoke's sign-ins meet it.
    const auth = { tokenRateLimit: { perFiveMinutes: 20 * 300, burst: 5 } };
    api = await startLocalApi({ databaseUrl: db.url, jwtSecret: secret, port: 0, pool: { min: 0, max: 4, idleTimeoutMs: 1000 }, rest: (pool: pg.Pool) => createRestHandler(pool, { schemas: ['public'] }), auth, log: () => undefined });
    env = { GOMFLOW_TARGET: 'supabase', DATABASE_URL: db.url, SUPABASE_URL: api.url, SUPABASE_ANON_KEY: keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey, SUPABASE_JWT_SECRET: secret };
    // Short on purpose: the path is under test here, not the speed.
    // The smoke preset as the remote path needs it: the smoke scenario through REST (this stand-in API has no Realtime or Storage).
    const presets = "presets: { smoke: { scenarios: [{ scenario: 'smoke', via: 'rest' }] } }";
    cwd = project({ 'package.json': '{ "type": "module" }\n', 'gomflow.config.ts': `export default { bench: { iterations: 2, warmup: 0, explainRuns: 1, timeCapMs: 300 }, ${presets} };\n` });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('runs seed → check → bench → load smoke, then seed clean leaves every seeded table as before', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    const confirm = ['--confirm-target', `127.0.0.1/${db.name}`];
    const run = await runCli(['run', '--scale', 'tiny', ...confirm], env, cwd);
    expect([0, 1], run.stderr).toContain(run.code);
    expect(run.stderr).toMatch(/2\/6 seed[\s\S]*3\/6 check[\s\S]*4\/6 bench[\s\S]*5\/6 load: smoke[\s\S]*6\/6 forecast/);
    const seeded = await db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM auth.identities`);
    expect(seeded.rows[0]!.n).toBeGreaterThan(0);
    // Without SUPABASE_JWT_SECRET the personas sign in through /auth/v1, as on a staging project without it.
    const { SUPABASE_JWT_SECRET: _minted, ...signingIn } = env;
    const smoke = await runCli(['load', 'smoke', '--duration', '2s', '--rate', '10', '--via', 'rest', ...confirm], { ...signingIn, SUPABASE_SIGN_IN_RATE: '100' }, cwd);
    expect([0, 1], smoke.stderr).toContain(smoke.code);
    const signIns = writtenResults(smoke).scenarios[0]?.signIns;
    expect(signIns, smoke.stderr).toMatchObject({ perSecond: 100 });
    expect(signIns!.signIns).toBeGreaterThan(0);
    expect(smoke.stderr).toContain(`signed in ${signIns!.signIns} personas through /auth/v1`);
    const clean = await runCli(['seed', 'clean', '--all', ...confirm], env, cwd);
    expect(clean.code, clean.stderr).toBe(0);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
  }, 240_000);
});
