import { hasOperator, parseLogicTree, parseOperation } from './parseFilter.ts';
import { parseSelect } from './parseSelect.ts';
import { queryParamError } from './pgrstError.ts';
import { QueryCursor } from './queryCursor.ts';
import type { LogicTree, OrderTerm, ParsedQuery } from './queryTypes.ts';

const RESERVED = ['select', 'columns', 'on_conflict'];
const RESERVED_EMBEDDABLE = ['order', 'limit', 'offset', 'and', 'or'];

/**
 * Splits a query string as PGR `QueryParams.parse` does: reserved words, embed-level
 * `rel.order` / `rel.limit` / `rel.or`, filters (a `.` in the key or an operator in the
 * value), and the rest, which only an rpc reads as its arguments.
 */
export function parseQuery(query: URLSearchParams): ParsedQuery {
  const parsed: ParsedQuery = { select: parseSelect(query.get('select') || '*'), filters: new Map(), order: new Map(), ranges: new Map(), params: [] };
  const onConflict = query.get('on_conflict');
  if (onConflict) parsed.onConflict = columnList(onConflict, 'on_conflict parameter');
  const columns = query.get('columns');
  if (columns) parsed.columns = columnList(columns, 'columns parameter');
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

  for (const [key, value] of query) {
    if (RESERVED.includes(key) || value === '') continue;
    const { path, last, negatedLogic } = treePath(key);
    if (RESERVED_EMBEDDABLE.includes(last)) {
      const level = path.join('.');
      if (last === 'order') parsed.order.set(level, parseOrder(value));
      else if (last === 'and' || last === 'or') push(parsed.filters, level, parseLogicTree(last, negatedLogic, value));
      else {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) continue;
        const range = parsed.ranges.get(level) ?? { offset: 0 };
        if (last === 'limit') range.limit = n;
        else range.offset = n;
        parsed.ranges.set(level, range);
      }
      continue;
    }
    if (path.length === 0 && !hasOperator(value)) {
      parsed.params.push([key, value]);
      continue;
    }
    const cursor = new QueryCursor(last, 'tree path');
    const field = cursor.fieldRef();
    if (!cursor.done) throw cursor.fail('expecting "->" or end of input');
    const { negated, operation } = parseOperation(value);
    const tree: LogicTree = { kind: 'condition', condition: { field, negated, operation } };
    push(parsed.filters, path.join('.'), tree);
  }
  return parsed;
}

/** `rel.sub.col` → path [rel, sub] and the last word; `not.or` is a negated logic key. */
function treePath(key: string): { path: string[]; last: string; negatedLogic: boolean } {
  const words = key.split('.');
  const negatedLogic = words.length >= 2 && words.at(-2) === 'not' && ['and', 'or'].includes(words.at(-1)!);
  const path = words.slice(0, negatedLogic ? -2 : -1);
  return { path, last: words.at(-1)!, negatedLogic };
}

/** `col.desc.nullslast,rel(col).asc,…` */
export function parseOrder(text: string): OrderTerm[] {
  const cursor = new QueryCursor(text, 'order');
  const terms: OrderTerm[] = [];
  for (;;) {
    const first = cursor.fieldRef();
    const term: OrderTerm = { field: first };
    if (cursor.accept('(')) {
      term.relation = first.name;
      term.field = cursor.fieldRef();
      cursor.expect(')');
    }
    if (cursor.accept('.asc')) term.direction = 'asc';
    else if (cursor.accept('.desc')) term.direction = 'desc';
    if (cursor.accept('.nullsfirst')) term.nulls = 'first';
    else if (cursor.accept('.nullslast')) term.nulls = 'last';
    terms.push(term);
    if (cursor.done) return terms;
    if (!cursor.accept(',')) throw cursor.fail('expecting ".asc", ".desc", ".nullsfirst", ".nullslast", "," or end of input');
  }
}

/** `a,b` or `"a","b"` (supabase-js quotes the `columns` it sends). */
function columnList(text: string, what: string): string[] {
  const cursor = new QueryCursor(text, what);
  const names = [cursor.name()];
  while (cursor.accept(',')) names.push(cursor.name());
  if (!cursor.done) throw queryParamError(what, text, cursor.pos + 1, `unexpected "${cursor.peek()}" expecting "," or end of input`);
  return names;
}
