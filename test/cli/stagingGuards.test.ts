import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { runCli } from '../helpers/runCli.ts';
import { seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** The guards of the writing commands on a remote target: --plan writes nothing, production is refused, the transaction pooler too. */
describe('writing to a remote target', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let confirm: string[];

  beforeAll(async () => {
    db = await createTestDatabase('stg_guard');
    // Nothing listens on SUPABASE_URL: none of these commands may reach the API.
    env = { GOMFLOW_TARGET: 'supabase', DATABASE_URL: db.url, SUPABASE_URL: 'http://127.0.0.1:9', SUPABASE_JWT_SECRET: 'not-a-real-secret-but-long-enough-0123456789' };
    confirm = ['--confirm-target', `127.0.0.1/${db.name}`];
  });

  afterAll(async () => {
    await db?.drop();
  });

  const seedRuns = async () => {
    const { rows } = await db.client.query<{ present: boolean }>(`SELECT to_regclass('gomflow_loadtest.seed_runs') IS NOT NULL AS present`);
    return rows[0]!.present ? (await db.client.query('SELECT id FROM gomflow_loadtest.seed_runs')).rowCount : 0;
  };

  it('--plan prints the plan on stdout, exits 0 and writes nothing, without --confirm-target', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    const seed = await runCli(['seed', '--plan', '--scale', 'tiny', '--seed', '3', '--reference-date', '2026-11-20'], env);
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/^plan: seed tiny \(seed 3, reference date 2026-11-20, analytics designed\) as run [0-9a-f]{8}\n/);
    expect(seed.stdout).toMatch(new RegExp(`target +127\\.0\\.0\\.1:\\d+/${db.name} \\(supabase, direct\\)`));
    expect(seed.stdout).toMatch(/\n {4}auth\.identities +\d+ +[\d.]+ [kMG]?B\n/);
    expect(seed.stdout).toMatch(/storage +none/);
    expect(seed.stdout).toMatch(new RegExp(`clean-up +gomflow-load seed clean --run [0-9a-f]{8} --confirm-target 127\\.0\\.0\\.1/${db.name}\\n`));
    for (const args of [['seed', 'clean', '--all'], ['load', 'smoke', '--duration', '2s'], ['run', '--scale', 'tiny']]) {
      const result = await runCli([...args, '--plan'], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^plan: .*\n[\s\S]*clean-up /);
    }
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
    expect(await seedRuns()).toBe(0);
  });

  it('refuses every writing command on a production-listed target, even confirmed or with --plan: exit 2, one line', async () => {
    const production = { ...env, GOMFLOW_PRODUCTION_PATTERNS: 'gomflow-prod, STG_GUARD' };
    const commands = [['seed', '--scale', 'tiny'], ['seed', 'clean', '--all'], ['load', 'smoke'], ['run', '--scale', 'tiny'], ['db', 'up'], ['seed', '--plan', '--scale', 'tiny']];
    for (const args of commands) {
      const result = await runCli([...args, ...confirm], production);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/matches production identifier 'STG_GUARD'/);
    }
    expect(await seedRuns()).toBe(0);
  });

  it('refuses to seed, clean, load or apply a schema through the transaction pooler, naming the session pooler', async () => {
    const supavisor = { ...env, DATABASE_URL: 'postgresql://postgres.abcdefghijklmnop:pw@aws-0-ap-southeast-1.pooler.supabase.com:6543/postgres' };
    const dedicated = { ...env, DATABASE_URL: 'postgresql://postgres:pw@db.abcdefghijklmnop.supabase.co:6543/postgres' };
    const viaSupavisor = ['--confirm-target', 'aws-0-ap-southeast-1.pooler.supabase.com/postgres'];
    const viaDedicated = ['--confirm-target', 'db.abcdefghijklmnop.supabase.co/postgres'];
    // One spawn per command family, side by side: none of them may open a connection.
    const [seed, clean, load, dbUp] = await Promise.all([
      runCli(['seed', '--scale', 'tiny', ...viaSupavisor], supavisor),
      runCli(['seed', 'clean', '--all', ...viaDedicated], dedicated),
      runCli(['load', 'smoke', '--via', 'rest', '--duration', '2s', ...viaDedicated], dedicated),
      runCli(['db', 'up', ...viaSupavisor], supavisor),
    ]);
    for (const [name, result] of Object.entries({ seed, clean, load, dbUp })) {
      expect(result.code, `${name}: ${result.stderr}`).toBe(2);
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(result.stderr, name).not.toContain(':pw@');
    }
    expect(seed.stderr).toMatch(/refusing to seed data through the transaction pooler aws-0-ap-southeast-1\.pooler\.supabase\.com:6543.*session pooler, aws-0-ap-southeast-1\.pooler\.supabase\.com:5432/);
    expect(dbUp.stderr).toMatch(/refusing to apply a schema through the transaction pooler aws-0-ap-southeast-1\.pooler\.supabase\.com:6543.*session pooler, aws-0-ap-southeast-1\.pooler\.supabase\.com:5432/);
    expect(clean.stderr).toMatch(/refusing to delete seeded rows through the transaction pooler db\.abcdefghijklmnop\.supabase\.co:6543.*session pooler \(port 5432\) or the direct database host/);
    expect(load.stderr).toMatch(/refusing to run the smoke load scenario through the transaction pooler db\.abcdefghijklmnop\.supabase\.co:6543.*prepared statements.*session pooler \(port 5432\) or the direct database host/);
  });
});
