import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../stack/schema/splitSqlStatements.ts';

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
});
