import { notImplemented, queryParamError } from './pgrstError.ts';
import { QueryCursor } from './queryCursor.ts';
import type { Condition, LogicTree, Operation, SimpleOperator } from './queryTypes.ts';

const SIMPLE: readonly string[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'cs', 'cd', 'ov'];
/** Operators PostgREST has that the local stack does not run (full-text search, ranges). */
const UNSUPPORTED: readonly string[] = ['fts', 'plfts', 'phfts', 'wfts', 'sl', 'sr', 'nxr', 'nxl', 'adj', 'isdistinct'];
const IS_VALUES = ['null', 'not_null', 'true', 'false', 'unknown'] as const;

/** Whether a query-string value has an operator: PostgREST's test that tells filters from rpc arguments. */
export function hasOperator(value: string): boolean {
  const [first, second] = value.split('.');
  if (first === 'not' && second !== undefined) return true;
  if (first === 'is' || first === 'in') return true;
  const op = (first ?? '').replace(/\((any|all)\)$/, '');
  return SIMPLE.includes(op) || UNSUPPORTED.includes(op) || /^(fts|plfts|phfts|wfts)\(/.test(value);
}

/** The value of a filter parameter: `[not.]op.value`. */
export function parseOperation(text: string): { negated: boolean; operation: Operation } {
  const cursor = new QueryCursor(text, 'filter');
  const result = operation(cursor, 'end');
  if (!cursor.done) throw cursor.fail('expecting end of input');
  return result;
}

/** `and=(…)` / `or=(…)`: `op` is the key's last word. */
export function parseLogicTree(op: 'and' | 'or', negated: boolean, text: string): LogicTree {
  const cursor = new QueryCursor(text, 'logic tree');
  const children = logicChildren(cursor);
  if (!cursor.done) throw cursor.fail('expecting end of input');
  return { kind: op, negated, children };
}

function logicChildren(cursor: QueryCursor): LogicTree[] {
  cursor.expect('(');
  const children = [logicItem(cursor)];
  while (cursor.accept(',')) children.push(logicItem(cursor));
  cursor.expect(')');
  return children;
}

function logicItem(cursor: QueryCursor): LogicTree {
  cursor.skipSpaces();
  const start = cursor.pos;
  const negated = cursor.accept('not.');
  for (const op of ['and', 'or'] as const) {
    if (cursor.peek(op.length + 1) === `${op}(`) {
      cursor.pos += op.length;
      return { kind: op, negated, children: logicChildren(cursor) };
    }
  }
  cursor.pos = start;
  const field = cursor.fieldRef();
  cursor.expect('.');
  const { negated: notOp, operation: op } = operation(cursor, 'logic');
  const condition: Condition = { field, negated: notOp, operation: op };
  return { kind: 'condition', condition };
}

/** `[not.]op.value`; inside a logic tree a value ends at `,` or `)` unless quoted. */
function operation(cursor: QueryCursor, context: 'end' | 'logic'): { negated: boolean; operation: Operation } {
  const negated = cursor.accept('not.');
  const opStart = cursor.pos;
  const match = /^[a-z]+/.exec(cursor.text.slice(cursor.pos));
  const op = match?.[0] ?? '';
  cursor.pos += op.length;
  if (UNSUPPORTED.includes(op)) throw notImplemented(`the '${op}' operator is not supported by the local stack`);
  if (op === 'in') {
    cursor.expect('.');
    return { negated, operation: { op: 'in', values: listValue(cursor) } };
  }
  if (op === 'is') {
    cursor.expect('.');
    const start = cursor.pos;
    const word = rawValue(cursor, context).toLowerCase();
    const value = IS_VALUES.find((v) => v === word);
    if (!value) {
      cursor.pos = start;
      throw cursor.fail('expecting null, not_null, true, false or unknown');
    }
    return { negated, operation: { op: 'is', value } };
  }
  if (!SIMPLE.includes(op)) {
    cursor.pos = opStart;
    throw queryOperatorError(cursor, op);
  }
  let quantifier: 'any' | 'all' | undefined;
  if (cursor.accept('(any)')) quantifier = 'any';
  else if (cursor.accept('(all)')) quantifier = 'all';
  cursor.expect('.');
  let value = rawValue(cursor, context);
  if (quantifier && !(value.startsWith('{') && value.endsWith('}'))) throw cursor.fail('expecting "{"');
  if (op === 'like' || op === 'ilike') value = value.replaceAll('*', '%');
  return { negated, operation: { op: op as SimpleOperator, value, quantifier } };
}

function queryOperatorError(cursor: QueryCursor, op: string) {
  return queryParamError(cursor.what, cursor.text, cursor.pos + 1, `unknown single value operator ${op}`);
}

/** The rest of the value; inside a logic tree up to `,` or `)` (quoted values may hold both). */
function rawValue(cursor: QueryCursor, context: 'end' | 'logic'): string {
  if (context === 'end') {
    const value = cursor.text.slice(cursor.pos);
    cursor.pos = cursor.text.length;
    return value;
  }
  if (cursor.peek() === '"') return cursor.quoted();
  const start = cursor.pos;
  // `{a,b}` of an (any)/(all) operator keeps its commas.
  if (cursor.peek() === '{') {
    while (!cursor.done && cursor.peek() !== '}') cursor.pos += 1;
    cursor.expect('}');
    return cursor.text.slice(start, cursor.pos);
  }
  while (!cursor.done && cursor.peek() !== ',' && cursor.peek() !== ')') cursor.pos += 1;
  return cursor.text.slice(start, cursor.pos);
}

/** `(a,b,"c,d")`: PostgREST's in-list, elements quoted when they hold `,` or `)`. */
function listValue(cursor: QueryCursor): string[] {
  cursor.expect('(');
  const values: string[] = [];
  if (cursor.accept(')')) return values;
  for (;;) {
    if (cursor.peek() === '"') values.push(cursor.quoted());
    else {
      const start = cursor.pos;
      while (!cursor.done && cursor.peek() !== ',' && cursor.peek() !== ')') cursor.pos += 1;
      values.push(cursor.text.slice(start, cursor.pos));
    }
    if (cursor.accept(')')) return values;
    cursor.expect(',');
  }
}
