import pg from 'pg';

const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
/** PostgreSQL's generic text[] parser splits any array literal into element strings (nulls kept). */
const parseArrayLiteral = (pg.types.getTypeParser as (oid: number) => (text: string) => (string | null)[])(1009);

/**
 * A column's text value (as pgoutput sends it) turned into the JSON value Realtime sends,
 * i.e. what `to_jsonb(value::type)` gives (RT realtime.apply_rls casts each WAL value to its
 * type): numbers and booleans as JSON, json/jsonb parsed, arrays as JSON arrays, timestamps in
 * to_jsonb's ISO form, everything else as its text.
 */
export function toRealtimeValue(typeName: string, text: string | null): unknown {
  if (text === null) return null;
  if (typeName.startsWith('_')) {
    const elementType = typeName.slice(1);
    return parseArrayLiteral(text).map((element) => toRealtimeValue(elementType, element));
  }
  if (NUMBER_TYPES.has(typeName)) {
    const number = Number(text);
    // to_jsonb keeps NaN and ±Infinity as strings.
    return Number.isFinite(number) ? number : text;
  }
  switch (typeName) {
    case 'bool':
      return text === 't';
    case 'json':
    case 'jsonb':
      return JSON.parse(text);
    case 'timestamptz':
      return isoTimestamp(text, true);
    case 'timestamp':
      return isoTimestamp(text, false);
    default:
      return text;
  }
}

/** '2026-11-20 14:00:00.5+08' → '2026-11-20T14:00:00.5+08:00', as to_jsonb writes it. */
function isoTimestamp(text: string, withZone: boolean): string {
  const iso = text.replace(' ', 'T');
  if (!withZone) return iso;
  return iso.replace(/([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/, (_all, hours: string, minutes?: string, seconds?: string) => `${hours}:${minutes ?? '00'}${seconds ? `:${seconds}` : ''}`);
}
