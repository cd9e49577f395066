import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

describe('db up --schema refuses what is no SQL file, before anything starts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gomflow-schemainput-'));
  // A remote target nothing listens on: a file let through by mistake fails at connecting (exit 3), and no local server is started.
  const nowhere = { GOMFLOW_TARGET: 'postgres', DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/x' };

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a directory', () => dir, 'E_FILE_NOT_FOUND', /schema file \S+ is a directory; pass the path of an \.sql file to --schema inside it/],
    ['an empty file', () => file('empty.sql', ''), 'E_USAGE', /schema file \S+empty\.sql holds no SQL statements/],
    ['a file of comments only', () => file('comments.sql', '-- nothing yet\n/* later */\n'), 'E_USAGE', /holds no SQL statements/],
    ['a binary file (a custom-format pg_dump)', () => file('dump.custom', 'PGDMP\u0001\u000e\u0000\u0004\u0008\u0001\u0001'), 'E_USAGE', /schema file \S+dump\.custom is binary, not SQL text; pass a plain-text dump \(pg_dump --format=plain\)/],
  ])('%s', async (_name, make, code, pattern) => {
    const result = await runCli(['db', 'up', '--schema', make(), '--confirm-target', '127.0.0.1/x'], nowhere);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toContain(`[${code}]`);
  });

  function file(name: string, content: string): string {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  }
});

describe("db up --schema with a user's pg_dump file on a confirmed remote target", () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), 'gomflow-schemainput-'));
  const up = (schema: string) => runCli(['db', 'up', '--target', 'postgres', '--schema', schema, '--confirm-target', `127.0.0.1/${db.name}`], { DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createTestDatabase('clidump', 'empty');
  });

  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips meta-commands and COPY data with a note each, keeps BEGIN ATOMIC and rule bodies whole, applies the rest', async () => {
    const result = await up('test/fixtures/schema-from-pg-dump.sql');
    expect(result.stderr).not.toMatch(/statements failed|✗/);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('skipped psql meta-command \\restrict at line 4\n');
    expect(result.stderr).toContain('skipped psql meta-command \\set at line 8\n');
    expect(result.stderr).toContain('skipped COPY public.dump_notes FROM stdin and its 2 data lines at line 13\n');
    expect(result.stderr).toContain('skipped psql meta-command \\unrestrict at line 31\n');
    expect(result.stderr).not.toContain('Xq7JvZ2k');
    const { rows } = await db.client.query(`SELECT public.dump_add(1, 2) AS sum, (SELECT count(*)::int FROM public.dump_note_log) AS logged, (SELECT count(*)::int FROM public.dump_notes) AS notes`);
    expect(rows[0]).toEqual({ sum: 3, logged: 2, notes: 1 });
  });

  it('prints the server messages of failed statements without the control characters they echo', async () => {
    const schema = path.join(dir, 'escape.sql');
    writeFileSync(schema, 'SELECT * FROM "no_such\u001b[2J\u001b[31mtable\u0007";\n');
    const result = await up(schema);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/escape\.sql:1 {2}relation "no_such\[2J\[31mtable" does not exist/);
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
