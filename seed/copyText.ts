import type { CopyValue, Row } from '../generators/types.ts';

/**
 * How a column's values are written. In json/jsonb columns an object or array is serialised
 * (a string array there is a JSON array, not a text[] literal) and a string is taken as JSON
 * text a generator already serialised; every other column is written by its value's type.
 */
export type ColumnKind = 'json' | 'other';

/**
 * Encodes rows in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash
 * escapes for backslash, tab, newline and carriage return. Hand-written because it sits on
 * the hot path of every seeded row and is a dozen lines of the documented format.
 */
export function encodeRow(row: Row, kinds?: readonly ColumnKind[]): string {
  let line = '';
  for (let i = 0; i < row.length; i += 1) {
    if (i > 0) line += '\t';
    const value = row[i]!;
    line += kinds?.[i] === 'json' && value !== null && typeof value !== 'string' ? escapeText(JSON.stringify(value)) : encodeValue(value);
  }
  return `${line}\n`;
}

function encodeValue(value: CopyValue): string {
  if (value === null) return '\\N';
  switch (typeof value) {
    case 'string':
      return escapeText(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : '\\N';
    case 'boolean':
      return value ? 't' : 'f';
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return escapeText(arrayLiteral(value as string[]));
  return escapeText(JSON.stringify(value));
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal: every element double-quoted, with " and \ escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}
