import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { parseResults } from '../../results/resultsModel.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { startLocalApi, type LocalApi } from '../../stack/server/startLocalApi.ts';
import { runCli } from '../helpers/runCli.ts';
import { seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** `load realtime-fanout` through the CLI, against the local /realtime/v1 reached as a supabase target's SUPABASE_URL. */
describe('load realtime-fanout', () => {
  let db: TestDatabase;
  let api: LocalApi;
  let env: Record<string, string>;
  const published = async () => (await db.client.query(`SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY 1`)).rows.map((row) => row.t as string);
  const tables = seededTables(ALL_TABLE_SPECS);
  const load = (args: string[], hooks = {}) => runCli(['load', 'realtime-fanout', ...args, '--target', 'supabase', '--confirm-target', `127.0.0.1/${db.name}`], env, undefined, hooks);

  beforeAll(async () => {
    db = await createTestDatabase('rt_loadcli');
    await seedTiny(db.url, 43);
    const secret = generateJwtSecret();
    const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
    api = await startLocalApi({ databaseUrl: db.url, jwtSecret: secret, port: 0, pool: { min: 0, max: 2, idleTimeoutMs: 1000 }, log: () => undefined });
    env = { DATABASE_URL: db.url, SUPABASE_URL: api.url, SUPABASE_ANON_KEY: keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey, SUPABASE_JWT_SECRET: secret };
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('writes the realtime section, prints the deliveries and the publication switch, exits 0', async () => {
    const before = { rows: await tableFingerprints(db.client, tables), publication: await published() };
    const result = await load(['--subscribers', '8', '--join-rate', '100', '--rate', '10', '--duration', '1s']);
    expect(result.code, result.stderr).toBe(0);
    const file = /results: +(\S+results\.json)/.exec(result.stderr)![1]!;
    const results = parseResults(JSON.parse(readFileSync(path.resolve(ROOT, file), 'utf8')));
    const rt = results.scenarios[0]!.realtime!;
    expect(rt).toMatchObject({ joined: 8, joinFailures: 0, changes: 10, missing: 0, duplicates: 0, leaked: 0 });
    expect(rt.delivered).toBe(rt.expectedDeliveries);
    expect(rt.publication).toEqual({ name: 'supabase_realtime', added: ['public.orders', 'public.submissions'], restored: true });
    expect(result.stderr).toMatch(/deliveries \d+ of \d+ owed \(10 changes\), missing 0/);
    expect(result.stderr).toContain('added public.orders, public.submissions to supabase_realtime for the run and put the publication back as it was');
    expect(await tableFingerprints(db.client, tables)).toEqual(before.rows);
    expect(await published()).toEqual(before.publication);
  });

  it('Ctrl-C mid-run: exit 3, publication put back, rows removed', async () => {
    const before = { rows: await tableFingerprints(db.client, tables), publication: await published() };
    let sent = false;
    const result = await load(['--subscribers', '4', '--rate', '5', '--duration', '30s'], {
      stderr: (stderr: string, child: { kill: (signal: string) => void }) => {
        if (!sent && /realtime-fanout +1 s/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code, result.stderr).toBe(3);
    expect(await published()).toEqual(before.publication);
    expect(await tableFingerprints(db.client, tables)).toEqual(before.rows);
  });
});
