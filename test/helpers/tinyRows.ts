import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import type { CopyValue, SeedContext, TableSpec } from '../../generators/types.ts';

/** A cell read from a row object (undefined only for a column the table does not have). */
export type Cell = CopyValue | undefined;

/** The context every generator test uses: tiny preset, a fixed reference date. */
export function tinyContext(seed = 7): SeedContext {
  return { seed, runTag: 0x00c0ffee, referenceDate: new Date('2026-11-20T00:00:00Z'), counts: SCALE_PRESETS.tiny, analytics: 'designed' };
}

export function specOf(table: string): TableSpec {
  const spec = ALL_TABLE_SPECS.find((s) => s.table === table);
  if (!spec) throw new Error(`no spec for ${table}`);
  return spec;
}

/** A table's rows as objects keyed by column, generated in memory (tiny only). */
export function rowsOf(ctx: SeedContext, table: string): Record<string, Cell>[] {
  const spec = specOf(table);
  const out: Record<string, Cell>[] = [];
  for (const row of spec.rows(ctx)) {
    const record: Record<string, Cell> = {};
    spec.columns.forEach((column, i) => {
      record[column] = row[i]!;
    });
    out.push(record);
  }
  return out;
}

/** Stable text of a row stream, for equality checks without holding two copies. */
export function streamDigest(spec: TableSpec, ctx: SeedContext): { rows: number; digest: string } {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let rows = 0;
  for (const row of spec.rows(ctx)) {
    const text = JSON.stringify(row, (_, v) => (v instanceof Date ? v.toISOString() : v));
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    rows += 1;
  }
  return { rows, digest: `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}` };
}

/** Epoch ms of a timestamp column value. */
export function ms(value: Cell): number {
  if (!(value instanceof Date)) throw new Error(`expected a Date, got ${String(value)}`);
  return value.getTime();
}
