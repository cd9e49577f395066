/** Realtime's filter operators (RT subscriptions.ex); `in` takes at most 100 values. */
export const FILTER_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'ilike', 'is', 'match', 'imatch', 'isdistinct'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
const MAX_IN_VALUES = 100;

export interface ChangeFilter {
  column: string;
  op: FilterOperator;
  /** One value, or the list for `in`. */
  value: string | string[];
}

const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const TIME_TYPES = new Set(['timestamptz', 'timestamp', 'date']);

/** Parses `column=op.value` (Realtime accepts exactly one); a string says what is wrong. */
export function parseChangeFilter(filter: string): ChangeFilter | string {
  const match = /^([^=]+)=([a-z]+)\.(.*)$/s.exec(filter);
  if (!match) return `invalid filter ${JSON.stringify(filter)}: expected column=operator.value`;
  const [, column, op, raw] = match as unknown as [string, string, string, string];
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) return `invalid filter operator ${JSON.stringify(op)}: use one of ${FILTER_OPERATORS.join(', ')}`;
  if (op !== 'in') return { column, op: op as FilterOperator, value: raw };
  const list = /^\((.*)\)$/s.exec(raw)?.[1];
  if (list === undefined) return `invalid filter ${JSON.stringify(filter)}: in expects in.(a,b,…)`;
  const values = list.split(',').map((value) => value.trim().replace(/^"(.*)"$/s, '$1'));
  if (values.length > MAX_IN_VALUES) return `invalid filter ${JSON.stringify(filter)}: in accepts at most ${MAX_IN_VALUES} values`;
  return { column, op: 'in', value: values };
}

/**
 * Whether a record passes the filter, comparing as the column's type does (numbers as numbers,
 * times as instants, uuids case-blind); SQL's NULL rule holds: a NULL column passes only `is.null`
 * and `isdistinct` from a value. Text order is code-point order, not the database collation.
 */
export function passesFilter(filter: ChangeFilter, record: Record<string, unknown>, typeName: string): boolean {
  const value = record[filter.column];
  const present = value !== null && value !== undefined;
  switch (filter.op) {
    case 'is':
      return isValue(value, filter.value as string);
    case 'isdistinct':
      return !present || compare(value, filter.value as string, typeName) !== 0;
    case 'in':
      return present && (filter.value as string[]).some((candidate) => compare(value, candidate, typeName) === 0);
    default:
      break;
  }
  if (!present) return false;
  const wanted = filter.value as string;
  switch (filter.op) {
    case 'like':
    case 'ilike':
      return likePattern(wanted, filter.op === 'ilike').test(String(value));
    case 'match':
    case 'imatch':
      return new RegExp(wanted, filter.op === 'imatch' ? 'i' : '').test(String(value));
    default: {
      const order = compare(value, wanted, typeName);
      if (Number.isNaN(order)) return false;
      return { eq: order === 0, neq: order !== 0, lt: order < 0, lte: order <= 0, gt: order > 0, gte: order >= 0 }[filter.op as 'eq'];
    }
  }
}

/** Whether the filter's value can be compared with the column's type (checked at join, as Realtime's cast would fail). */
export function filterValueFits(filter: ChangeFilter, typeName: string): boolean {
  if (!NUMBER_TYPES.has(typeName) || ['is', 'like', 'ilike', 'match', 'imatch'].includes(filter.op)) return true;
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  return values.every((value) => value.trim() !== '' && !Number.isNaN(Number(value)));
}

function compare(value: unknown, wanted: string, typeName: string): number {
  if (NUMBER_TYPES.has(typeName)) return Math.sign(Number(value) - Number(wanted));
  if (TIME_TYPES.has(typeName)) return Math.sign(instant(String(value)) - instant(wanted));
  if (typeName === 'bool') return String(value) === String(asBoolean(wanted)) ? 0 : 1;
  const [left, right] = typeName === 'uuid' ? [String(value).toLowerCase(), wanted.toLowerCase()] : [String(value), wanted];
  return left === right ? 0 : left < right ? -1 : 1;
}

function isValue(value: unknown, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  if (lower === 'null' || lower === 'unknown') return value === null || value === undefined;
  if (lower === 'true' || lower === 'false') return value === (lower === 'true');
  return false;
}

function asBoolean(text: string): boolean {
  return ['t', 'true', 'yes', 'on', '1'].includes(text.toLowerCase());
}

/** Zone-less times count as UTC, as Supabase's database runs in UTC. */
function instant(text: string): number {
  const iso = text.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
}

function likePattern(pattern: string, caseBlind: boolean): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, caseBlind ? 'is' : 's');
}
