import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { parseResults } from '../../results/resultsModel.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { createRestHandler } from '../../stack/rest/createRestHandler.ts';
import { startLocalApi, type LocalApi } from '../../stack/server/startLocalApi.ts';
import { createStorageHandler } from '../../stack/storage/createStorageHandler.ts';
import { runCli } from '../helpers/runCli.ts';
import { seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** launch-drop via REST with its GOM dashboards (/realtime/v1) and proof uploads (/storage/v1), through the CLI against the local API on port 0. */
describe('load launch-drop with dashboards and proofs', () => {
  let db: TestDatabase;
  let api: LocalApi;
  let root: string;
  let env: Record<string, string>;
  const tables = seededTables(ALL_TABLE_SPECS);
  const published = async () => (await db.client.query(`SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY 1`)).rows.map((row) => row.t as string);
  const objects = async () => (await db.client.query(`SELECT count(*)::int AS n FROM storage.objects`)).rows[0]!.n as number;
  const files = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  const state = async () => ({ rows: await tableFingerprints(db.client, tables), publication: await published(), objects: await objects(), files: await files() });
  const load = (args: string[], hooks = {}) => runCli(['load', 'launch-drop', ...args, '--target', 'supabase', '--confirm-target', `127.0.0.1/${db.name}`], env, undefined, hooks);

  beforeAll(async () => {
    db = await createTestDatabase('launch_companions');
    await seedTiny(db.url, 29);
    root = await mkdtemp(path.join(tmpdir(), 'gomflow-launch-'));
    const secret = generateJwtSecret();
    const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
    api = await startLocalApi({
      databaseUrl: db.url,
      jwtSecret: secret,
      port: 0,
      pool: { min: 0, max: 6, idleTimeoutMs: 1000 },
      rest: (pool: pg.Pool) => createRestHandler(pool, { schemas: ['public'] }),
      storage: (pool: pg.Pool) => createStorageHandler(pool, { root, jwtSecret: secret, log: () => undefined }),
      log: () => undefined,
    });
    env = { DATABASE_URL: db.url, SUPABASE_URL: api.url, SUPABASE_ANON_KEY: keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey, SUPABASE_JWT_SECRET: secret };
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('one scenario entry: REST figures, every owed delivery to the dashboards, proofs uploaded; all removed, publication put back', async () => {
    const before = await state();
    // A submit-heavy rate so a few seconds carry enough submissions to the dashboards' orders.
    const result = await load(['--duration', '4s', '--rate', '60', '--dashboards', '3']);
    expect([0, 1], result.stderr).toContain(result.code);
    const file = /results: +(\S+results\.json)/.exec(result.stderr)![1]!;
    const results = parseResults(JSON.parse(readFileSync(path.resolve(ROOT, file), 'utf8')));
    expect(results.scenarios).toHaveLength(1);
    const s = results.scenarios[0]!;
    expect(s).toMatchObject({ name: 'launch-drop', via: 'rest', localStack: true });
    expect(s.endpoints!.length).toBeGreaterThan(0);

    const rt = s.realtime!;
    expect(rt).toMatchObject({ subscribers: { 'gom-dashboard': 1, 'other-gom-dashboard': 2 }, joined: 3, joinFailures: 0, missing: 0, duplicates: 0, leaked: 0 });
    expect(rt.expectedDeliveries).toBeGreaterThan(0);
    expect(rt.delivered).toBe(rt.expectedDeliveries);
    expect(rt.publication).toEqual({ name: 'supabase_realtime', added: ['public.orders', 'public.submissions'], restored: true });

    const st = s.storage!;
    const uploads = st.sizeClasses.reduce((sum, c) => sum + c.uploads, 0);
    expect(uploads).toBeGreaterThan(0);
    expect(s.journeys!.find((j) => j.name === 'proof-upload')).toMatchObject({ requests: uploads, errors: 0 });
    expect(st.objects).toEqual({ written: uploads, removed: uploads, kept: false });
    // Owed deliveries are requests of the scenario, missing ones errors.
    const journeyRequests = s.journeys!.reduce((sum, j) => sum + j.requests, 0);
    expect(s.requests).toBe(journeyRequests + rt.expectedDeliveries);

    expect(result.stderr).toContain('launch-drop: 3 GOM dashboards subscribed');
    expect(result.stderr).toMatch(/deliveries \d+ of \d+ owed/);
    expect(result.stderr).toMatch(/storage +\d+ uploads/);
    const html = readFileSync(path.join(path.dirname(path.resolve(ROOT, file)), 'report.html'), 'utf8');
    expect(html).toContain('Storage: payment-proofs');
    expect(html).toContain('publication switch');
    expect(html).toContain('/rest/v1');
    expect(await state()).toEqual(before);
  });

  it('Ctrl-C mid-drop: exit 3, the sockets closed, the publication put back, rows and proofs removed', async () => {
    const before = await state();
    let sent = false;
    const result = await load(['--duration', '30s', '--rate', '60'], {
      stderr: (stderr: string, child: { kill: (signal: string) => void }) => {
        if (!sent && /launch-drop +2 s/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code, result.stderr).toBe(3);
    expect(await state()).toEqual(before);
  });

  it('--no-realtime --no-storage: the REST mix alone; via pg says it has no dashboards or proofs', async () => {
    const before = await state();
    const off = await load(['--duration', '1s', '--rate', '10', '--no-realtime', '--no-storage']);
    expect([0, 1], off.stderr).toContain(off.code);
    const file = /results: +(\S+results\.json)/.exec(off.stderr)![1]!;
    const s = parseResults(JSON.parse(readFileSync(path.resolve(ROOT, file), 'utf8'))).scenarios[0]!;
    expect([s.realtime, s.storage]).toEqual([undefined, undefined]);
    const pg = await load(['--duration', '1s', '--rate', '10', '--via', 'pg']);
    expect([0, 1], pg.stderr).toContain(pg.code);
    expect(pg.stderr).toContain('launch-drop via pg: the REST mix as SQL only; no GOM dashboards');
    expect(await state()).toEqual(before);
  });
});
