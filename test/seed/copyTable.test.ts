import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTable } from '../../seed/copyTable.ts';
import { dependencyLevels } from '../../seed/loadTables.ts';
import type { SeedContext, TableSpec } from '../../generators/types.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const ctx: SeedContext = { seed: 1, runTag: 1, referenceDate: new Date('2026-11-20T00:00:00Z'), counts: { goms: 1, buyerAccounts: 0, orders: 1, submissions: 0, analyticsDays: 0, monitoringHours: 0 }, analytics: 'designed' };

function numbers(count: number): TableSpec {
  return {
    table: 'public.numbers',
    columns: ['n', 'label'],
    dependsOn: [],
    estimateRows: () => count,
    *rows() {
      for (let n = 0; n < count; n += 1) yield [n, `row ${n}`];
    },
  };
}

describe('copyTable', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('copytable', 'empty');
    await db.client.query('CREATE TABLE numbers (n int PRIMARY KEY, label text NOT NULL)');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('streams every generated row and reports progress up to the total', async () => {
    const seen: number[] = [];
    const result = await copyTable(db.client, numbers(200_000), ctx, { signal: new AbortController().signal, onProgress: (rows) => seen.push(rows) });
    expect(result.rows).toBe(200_000);
    expect((await db.client.query('SELECT count(*)::int AS n, max(n) AS max FROM numbers')).rows[0]).toEqual({ n: 200_000, max: 199_999 });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(200_000);
    await db.client.query('TRUNCATE numbers');
  });

  it('an abort in the middle of a COPY discards it and leaves the connection usable', async () => {
    const controller = new AbortController();
    const copying = copyTable(db.client, numbers(5_000_000), ctx, {
      signal: controller.signal,
      onProgress: (rows) => rows > 50_000 && controller.abort(new Error('stop')),
    });
    await expect(copying).rejects.toThrow('stop');
    expect((await db.client.query('SELECT count(*)::int AS n FROM numbers')).rows[0].n).toBe(0);
  });

  it('a row the server rejects fails the COPY with the server message', async () => {
    const duplicate: TableSpec = { ...numbers(3), *rows() { yield [1, 'a']; yield [1, 'b']; } };
    await expect(copyTable(db.client, duplicate, ctx, { signal: new AbortController().signal, onProgress: () => undefined })).rejects.toThrow(/duplicate key value/);
    expect((await db.client.query('SELECT count(*)::int AS n FROM numbers')).rows[0].n).toBe(0);
  });
});

describe('dependencyLevels', () => {
  const spec = (table: string, dependsOn: string[]): TableSpec => ({ ...numbers(0), table, dependsOn });

  it('puts every table after the tables it references, and independent tables together', () => {
    const levels = dependencyLevels([spec('c', ['b']), spec('a', []), spec('b', ['a']), spec('d', ['a'])]);
    expect(levels.map((level) => level.map((s) => s.table))).toEqual([['a'], ['b', 'd'], ['c']]);
  });

  it('rejects a cycle', () => {
    expect(() => dependencyLevels([spec('a', ['b']), spec('b', ['a'])])).toThrow(/cycle/);
  });
});
