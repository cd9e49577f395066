import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, type ApplyReport } from '../../stack/schema/applySchema.ts';
import { runCli } from '../helpers/runCli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/schema-with-failures.sql', import.meta.url));

describe("applying a user's schema file statement by statement", () => {
  let db: TestDatabase;
  let report: ApplyReport;

  beforeAll(async () => {
    db = await createTestDatabase('userfile', 'empty');
    report = await applySchema(db.client, { source: 'file', file: FIXTURE, withShim: true });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('reports each failed statement with its line, the server message and why', () => {
    expect(report.statements).toBe(9);
    expect(report.failures.map((f) => ({ line: f.line, sqlState: f.sqlState }))).toEqual([
      { line: 4, sqlState: '42703' },
      { line: 14, sqlState: '25001' },
      { line: 15, sqlState: '25P02' },
    ]);
    expect(report.failures[0]!.message).toMatch(/total_time/);
    expect(report.failures[0]!.hint).toMatch(/renamed in PostgreSQL 13/);
    expect(report.failures[1]!.hint).toMatch(/cannot run inside a transaction block/);
  });

  it('applies everything else', async () => {
    const { rows } = await db.client.query(`SELECT body FROM gom_notes ORDER BY id`);
    expect(rows).toEqual([{ body: 'kept; after the failures' }]);
    const index = await db.client.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'idx_gom_notes_body'`);
    expect(index.rowCount).toBe(1);
    const fn = await db.client.query(`SELECT note_count() AS n`);
    expect(Number(fn.rows[0].n)).toBe(1);
  });

  it('puts the shim first, so auth and storage exist for the file', async () => {
    const { rows } = await db.client.query(`SELECT to_regclass('auth.users') IS NOT NULL AS auth, to_regclass('storage.objects') IS NOT NULL AS storage`);
    expect(rows[0]).toEqual({ auth: true, storage: true });
  });
});

describe('gomflow-load db up --schema on a confirmed remote target', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('cliuserfile', 'empty');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('prints every failed statement with file:line and exits 1 after applying the rest', async () => {
    const result = await runCli(['db', 'up', '--target', 'postgres', '--schema', 'test/fixtures/schema-with-failures.sql', '--confirm-target', `127.0.0.1/${db.name}`], {
      DATABASE_URL: db.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/test\/fixtures\/schema-with-failures\.sql:4 .*column "total_time" does not exist.*renamed in PostgreSQL 13/);
    expect(result.stderr).toMatch(/schema-with-failures\.sql:14 .*CREATE INDEX CONCURRENTLY cannot run inside a transaction block/);
    expect(result.stderr).toMatch(/3 of 9 statements failed; the other 6 were applied/);
    expect(result.stdout).toMatch(/url\s+postgresql:\/\/postgres:\*\*\*\*@127\.0\.0\.1/);
    const { rows } = await db.client.query(`SELECT count(*)::int AS n FROM gom_notes`);
    expect(rows[0].n).toBe(1);
  });
});
