import { describe, expect, it } from 'vitest';
import { splitSqlScript, splitSqlStatements } from '../../stack/schema/splitSqlStatements.ts';

describe('splitSqlStatements', () => {
  it('splits at semicolons and reports the line each statement starts on', () => {
    const sql = 'CREATE TABLE a (id int);\n\n-- a comment\nINSERT INTO a VALUES (1);\nSELECT 1';
    expect(splitSqlStatements(sql)).toEqual([
      { sql: 'CREATE TABLE a (id int);', line: 1 },
      { sql: 'INSERT INTO a VALUES (1);', line: 4 },
      { sql: 'SELECT 1', line: 5 },
    ]);
  });

  it('keeps semicolons inside strings, quoted identifiers and comments', () => {
    const sql = `SELECT 'a;b', "c;d" /* x; /* nested; */ y; */ FROM t; SELECT E'it\\'s;';`;
    const statements = splitSqlStatements(sql);
    expect(statements.map((s) => s.sql)).toEqual([`SELECT 'a;b', "c;d" /* x; /* nested; */ y; */ FROM t;`, `SELECT E'it\\'s;';`]);
  });

  it('keeps function bodies in dollar quotes whole, with or without a tag', () => {
    const sql = [
      'CREATE FUNCTION f() RETURNS int AS $$',
      'BEGIN',
      '  RETURN 1;',
      'END;',
      '$$ LANGUAGE plpgsql;',
      'CREATE FUNCTION g() RETURNS text AS $body$ SELECT $$x;$$ $body$ LANGUAGE sql;',
      'PREPARE p AS SELECT $1::int;',
    ].join('\n');
    const statements = splitSqlStatements(sql);
    expect(statements).toHaveLength(3);
    expect(statements[0]!.sql).toContain('RETURN 1;');
    expect(statements[1]).toMatchObject({ line: 6 });
    expect(statements[2]!.sql).toBe('PREPARE p AS SELECT $1::int;');
  });

  it('drops parts that hold only comments and whitespace', () => {
    expect(splitSqlStatements('-- nothing\n/* still nothing */ ;\n ; ')).toEqual([]);
  });

  it('counts lines of a statement that follows a multi-line comment', () => {
    const statements = splitSqlStatements('/*\nheader\n*/\nSELECT 1;');
    expect(statements).toEqual([{ sql: 'SELECT 1;', line: 4 }]);
  });

  it('keeps a BEGIN ATOMIC … END function body whole, CASE … END inside it included', () => {
    const sql = [
      'CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql',
      'BEGIN ATOMIC',
      '  SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;',
      '  SELECT 1;',
      'END;',
      'CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END;',
      'BEGIN;',
      'SELECT 2;',
      'END;',
    ].join('\n');
    expect(splitSqlStatements(sql).map((s) => s.line)).toEqual([1, 6, 7, 8, 9]);
    expect(splitSqlStatements(sql)[0]!.sql).toMatch(/^CREATE OR REPLACE FUNCTION[\s\S]*SELECT 1;\nEND;$/);
  });

  it('keeps CREATE RULE … DO (a; b) whole: no split inside parentheses', () => {
    const sql = 'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); UPDATE c SET n = n + 1);\nSELECT 1;';
    expect(splitSqlStatements(sql)).toEqual([
      { sql: 'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); UPDATE c SET n = n + 1);', line: 1 },
      { sql: 'SELECT 1;', line: 2 },
    ]);
  });

  it("skips psql meta-commands, pg_dump's \\restrict and \\unrestrict included, with a note naming the line", () => {
    const sql = ['-- dump', '', '\\restrict abc123', 'SET x = 1;', '\\connect gomflow', "\\set ON_ERROR_STOP on", 'SELECT 1;', '\\unrestrict abc123', ''].join('\n');
    const script = splitSqlScript(sql);
    expect(script.statements).toEqual([
      { sql: 'SET x = 1;', line: 4 },
      { sql: 'SELECT 1;', line: 7 },
    ]);
    expect(script.skipped).toEqual([
      { line: 3, text: 'skipped psql meta-command \\restrict' },
      { line: 5, text: 'skipped psql meta-command \\connect' },
      { line: 6, text: 'skipped psql meta-command \\set' },
      { line: 8, text: 'skipped psql meta-command \\unrestrict' },
    ]);
  });

  it('skips COPY … FROM stdin with its data up to \\., which is no SQL', () => {
    const sql = ['COPY public.t (id, note) FROM stdin;', '1\tsemi;colon', '2\t\\N', '\\.', 'SELECT 1;'].join('\n');
    const script = splitSqlScript(sql);
    expect(script.statements).toEqual([{ sql: 'SELECT 1;', line: 5 }]);
    expect(script.skipped).toEqual([{ line: 1, text: 'skipped COPY public.t FROM stdin and its 2 data lines' }]);
  });

  it('leaves backslashes inside strings alone', () => {
    expect(splitSqlScript("SELECT E'a\\\\b', 'c:\\dir';").skipped).toEqual([]);
  });
});
