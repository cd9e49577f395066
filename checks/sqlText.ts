import { readFileSync } from 'node:fs';

/** A name as PostgreSQL wants it in SQL: quoted only when it must be. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** schema.name, each part quoted as needed. */
export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// Words that cannot be bare column or table names (the ones GOMFLOW's schema gets near).
const RESERVED = new Set(['user', 'order', 'group', 'select', 'table', 'from', 'where', 'check', 'default', 'timestamp', 'type', 'level', 'window', 'session_user', 'current_user']);

const cache = new Map<string, string>();

/** A catalog query from sql/checks/, read once. */
export function checkSql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../sql/checks/${name}.sql`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
}
