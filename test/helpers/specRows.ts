import type { Row, SeedContext, TableSpec } from '../../generators/types.ts';

/** A canonical UUID, for checking id columns. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lookups over a group of specs by bare table name: the spec, its rows, a column's index. */
export function specRows(specs: readonly TableSpec[]) {
  const spec = (table: string): TableSpec => specs.find((s) => s.table === `public.${table}`)!;
  const rowsOf = (table: string, ctx: SeedContext): Row[] => [...spec(table).rows(ctx)];
  const col = (table: string, name: string): number => {
    const i = spec(table).columns.indexOf(name);
    if (i < 0) throw new Error(`${table} has no column ${name}`);
    return i;
  };
  return { spec, rowsOf, col };
}
