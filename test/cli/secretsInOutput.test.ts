import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/**
 * libpq takes a password in three places: the URL's user info, a `password` query parameter
 * and a key=value `password=`. A role of its own with a known password lets every form really
 * connect, so the commands print their full output, none of which may hold the password.
 */
describe('DATABASE_URL passwords never reach the output', () => {
  const role = `secrets_${randomBytes(4).toString('hex')}`;
  const password = `secret-xyz-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let port: string;

  beforeAll(async () => {
    db = await createTestDatabase('clisecrets');
    // Not a superuser: roles are cluster-wide, and a stray superuser fails other files' roles.superusers check.
    // Membership in the owner role lets it apply the schema over objects that already exist.
    await db.client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE postgres`);
    port = new URL(db.url).port;
  });

  afterAll(async () => {
    await db.drop();
    const admin = new pg.Client({ connectionString: inject('clusterUrl') });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  const forms = () => ({
    'a ?password= query parameter': `postgresql://${role}@127.0.0.1:${port}/${db.name}?password=${password}`,
    'key=value': `host=127.0.0.1 port=${port} dbname=${db.name} user=${role} password=${password}`,
    'key=value with a quoted password': `host=127.0.0.1 port=${port} dbname=${db.name} user=${role} password='${password}'`,
  });

  it.each(['a ?password= query parameter', 'key=value', 'key=value with a quoted password'] as const)('db status, db status --json and db up with %s', async (form) => {
    const env = { GOMFLOW_TARGET: 'postgres', DATABASE_URL: forms()[form] };
    const status = await runCli(['db', 'status'], env);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/url\s+.*password='?\*\*\*\*/);
    const json = await runCli(['db', 'status', '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ target: 'postgres', running: true, counts: { tables: 31 } });
    const up = await runCli(['db', 'up', '--confirm-target', `127.0.0.1/${db.name}`], env);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/tables\s+31 /);
    for (const result of [status, json, up]) expect(result.stdout + result.stderr).not.toContain(password);
  });

  it('the password still shows with --show-secrets, where the user asks for it', async () => {
    const result = await runCli(['db', 'status', '--json', '--show-secrets'], { GOMFLOW_TARGET: 'postgres', DATABASE_URL: forms()['key=value'] });
    expect(JSON.parse(result.stdout).url).toContain(`password=${password}`);
  });

  it('a wrong ?password= is refused without echoing it', async () => {
    const url = `postgresql://${role}@127.0.0.1:${port}/${db.name}?password=wrong-${password}`;
    const result = await runCli(['db', 'status'], { GOMFLOW_TARGET: 'postgres', DATABASE_URL: url });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/rejected the user or password.*\[E_AUTH_FAILED\]/);
    expect(result.stderr).not.toContain(password);
  });
});
