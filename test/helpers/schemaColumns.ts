import { readFileSync } from 'node:fs';

export interface ColumnDef { type: string; notNull: boolean; allowed: readonly string[] | null }

/** Column types, NOT NULLs and CHECK lists of the bundled schema, so the test holds against the real DDL. */
export function schemaColumns(table: string): Map<string, ColumnDef> {
  const sql = readFileSync(new URL('../../sql/schema/10-gomflow.sql', import.meta.url), 'utf8');
  const start = sql.indexOf(`CREATE TABLE IF NOT EXISTS ${table} (`);
  const body = sql.slice(sql.indexOf('(', start) + 1, sql.indexOf('\n);', start));
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) { parts.push(current); current = ''; } else current += ch;
  }
  parts.push(current);
  const out = new Map<string, ColumnDef>();
  for (const part of parts) {
    const m = /^\s*(\w+)\s+([a-z]+(?:\(\d+,\d+\))?(?:\[\])?)(.*)$/s.exec(part);
    if (!m) continue;
    const check = /CHECK\s*\(\s*\w+\s+IN\s*\(([^)]*)\)\s*\)/s.exec(m[3]!);
    out.set(m[1]!, {
      type: m[2]!,
      notNull: /NOT NULL|PRIMARY KEY/.test(m[3]!),
      allowed: check ? [...check[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!) : null,
    });
  }
  return out;
}
