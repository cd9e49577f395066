import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { from as copyFrom } from 'pg-copy-streams';
import { encodeRow } from '../../seed/copyText.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

describe('encodeRow', () => {
  it('writes tabs between values, \\N for null and t/f for booleans', () => {
    expect(encodeRow(['a', 1, true, false, null])).toBe('a\t1\tt\tf\t\\N\n');
  });

  it('escapes backslash, tab, newline and carriage return', () => {
    expect(encodeRow(['a\\b\tc\nd\re'])).toBe('a\\\\b\\tc\\nd\\re\n');
  });

  it('writes dates as ISO timestamps, objects as JSON and string arrays as array literals', () => {
    expect(encodeRow([new Date('2026-11-20T10:00:00Z'), { a: 'x\ty' }, ['push', 'say "hi"']])).toBe(
      // JSON writes the tab as \t; COPY then escapes that backslash.
      '2026-11-20T10:00:00.000Z\t{"a":"x\\\\ty"}\t{"push","say \\\\"hi\\\\""}\n',
    );
  });

  it('writes a json column as JSON even when the value is a string array, and takes a string there as JSON text', () => {
    expect(encodeRow([['gcash', 'paymaya'], ['gcash'], '{"paid":true}'], ['json', 'other', 'json'])).toBe('["gcash","paymaya"]\t{"gcash"}\t{"paid":true}\n');
  });

  describe('round trip through a real COPY', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('copytext', 'empty');
      await db.client.query(`CREATE TABLE t (s text, n numeric, b boolean, d timestamptz, j jsonb, a text[], x text)`);
    });

    afterAll(async () => {
      await db.drop();
    });

    it('PostgreSQL reads back exactly the values written', async () => {
      const nasty = 'tab\there, newline\nthere, back\\slash, quote " and emoji 🎉';
      const row = [nasty, 3600.5, true, new Date('2026-11-20T10:00:00.123Z'), { note: nasty, n: [1, 2] }, ['a"b', 'c\\d', 'e,f', 'g h'], null];
      await new Promise<void>((resolve, reject) => {
        const stream = db.client.query(copyFrom('COPY t FROM STDIN'));
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(encodeRow(row));
      });
      const { rows } = await db.client.query(`SELECT s, n::float8 AS n, b, d, j, a, x FROM t`);
      expect(rows).toEqual([
        { s: nasty, n: 3600.5, b: true, d: new Date('2026-11-20T10:00:00.123Z'), j: { note: nasty, n: [1, 2] }, a: ['a"b', 'c\\d', 'e,f', 'g h'], x: null },
      ]);
    });
  });
});
