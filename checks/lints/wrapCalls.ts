/**
 * Rewrites a deparsed policy expression (pg_get_expr output) so each call of the named
 * functions becomes `(SELECT f(…))`, evaluated once per statement. Only used to write the
 * remediation SQL; which policies need it is decided on the expression tree.
 */
export function wrapCalls(expression: string, functionNames: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i]!;
    if (ch === "'") {
      // Skip string literals whole: a name inside one is not a call.
      let j = i + 1;
      while (j < expression.length && !(expression[j] === "'" && expression[j + 1] !== "'")) j += expression[j] === "'" ? 2 : 1;
      out += expression.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const name = functionNames.find((n) => expression.startsWith(`${n}(`, i) && !/[\w.]/.test(expression[i - 1] ?? ' '));
    if (!name) {
      out += ch;
      i += 1;
      continue;
    }
    const end = closingParen(expression, i + name.length);
    const call = expression.slice(i, end + 1);
    out += alreadyWrapped(out) ? call : `( SELECT ${call})`;
    i = end + 1;
  }
  return out;
}

/** Index of the `)` that closes the `(` at `open`, skipping string literals. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'") {
      i += 1;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
    } else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return text.length - 1;
}

function alreadyWrapped(before: string): boolean {
  return /\(\s*SELECT\s+$/i.test(before);
}

/** The names a function may be printed under: `auth.uid`, and bare `current_setting` / `helper` when on the search path. */
export function printedNames(qualifiedName: string): string[] {
  const [schema, name] = qualifiedName.replace(/\(.*$/, '').split('.') as [string, string];
  return schema === 'pg_catalog' || schema === 'public' ? [`${schema}.${name}`, name] : [`${schema}.${name}`];
}
