import { notImplemented } from './pgrstError.ts';
import { QueryCursor } from './queryCursor.ts';
import type { SelectItem } from './queryTypes.ts';

/**
 * `select=` as PostgREST reads it: `alias:col->key::type`, `*`, `count`, and embeds
 * `alias:rel!hint!inner(…)`, nested to any depth.
 */
export function parseSelect(text: string): SelectItem[] {
  const cursor = new QueryCursor(text, 'select parameter');
  const items = selectList(cursor);
  if (!cursor.done) throw cursor.fail('expecting ",", "(" or end of input');
  return items;
}

function selectList(cursor: QueryCursor): SelectItem[] {
  const items = [selectItem(cursor)];
  for (;;) {
    cursor.skipSpaces();
    if (!cursor.accept(',')) return items;
    cursor.skipSpaces();
    items.push(selectItem(cursor));
  }
}

function selectItem(cursor: QueryCursor): SelectItem {
  if (cursor.accept('*')) return { kind: 'field', field: { name: '*', jsonPath: [] } };
  if (cursor.peek(3) === '...') throw notImplemented('spread embeds (...rel) are not supported by the local stack');
  let start = cursor.pos;
  const first = cursor.name();
  let alias: string | undefined;
  let name = first;
  // `alias:name`, but not `name::type`.
  if (cursor.peek() === ':' && cursor.peek(2) !== '::') {
    cursor.pos += 1;
    alias = first;
    start = cursor.pos;
    name = cursor.name();
  }
  if (cursor.peek() === '!' || cursor.peek() === '(') return embed(cursor, name, alias);
  if (name === 'count' && !cursor.peek().match(/[-:]/)) return { kind: 'count', alias };
  // Read again from the name, this time with its JSON path.
  cursor.pos = start;
  const field = cursor.fieldRef();
  let cast: string | undefined;
  if (cursor.accept('::')) cast = castType(cursor);
  return { kind: 'field', field, alias, cast };
}

function embed(cursor: QueryCursor, name: string, alias: string | undefined): SelectItem {
  let hint: string | undefined;
  let inner = false;
  while (cursor.accept('!')) {
    const word = cursor.name();
    if (word === 'inner') inner = true;
    else if (word !== 'left') {
      if (hint !== undefined) throw cursor.fail('expecting "("');
      hint = word;
    }
  }
  cursor.expect('(');
  // `rel()` selects nothing of the embed: PostgREST allows it for filtering through !inner.
  const items = cursor.peek() === ')' ? [] : selectList(cursor);
  cursor.expect(')');
  return { kind: 'embed', name, alias, hint, inner, items };
}

/** A cast's type name: letters, digits, `_`, spaces (`double precision`) and a trailing `[]`. */
function castType(cursor: QueryCursor): string {
  const match = /^[A-Za-z_][A-Za-z0-9_ ]*(\[\])?/.exec(cursor.text.slice(cursor.pos));
  if (!match) throw cursor.fail('expecting a type name');
  cursor.pos += match[0].length;
  return match[0].trim();
}
