import pg from 'pg';

/** Collects values as `$n` parameters: the only way request values reach the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A quoted identifier; only ever called with names found in the schema cache or generated here. */
export const ident = (name: string): string => pg.escapeIdentifier(name);

export const qualified = (schema: string, name: string): string => `${ident(schema)}.${ident(name)}`;
