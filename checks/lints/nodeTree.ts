/**
 * A parsed pg_node_tree: the form PostgreSQL stores policy expressions in (pg_policy.polqual,
 * polwithcheck). Reading the tree, not the policy's text, is what tells `auth.uid()` apart from
 * `(SELECT auth.uid())`, however either was spelled.
 */
export interface PgNode {
  type: string;
  fields: Record<string, NodeValue>;
}

export type NodeValue = PgNode | NodeValue[] | string | null;

/** Parses the text form of a pg_node_tree (`polqual::text`). */
export function parseNodeTree(text: string): PgNode | null {
  const tokens = tokenize(text);
  let at = 0;
  const value = (): NodeValue => {
    const token = tokens[at++];
    if (token === undefined) throw new Error('unexpected end of node tree');
    if (token === '{') return node();
    if (token === '(') {
      const items: NodeValue[] = [];
      while (tokens[at] !== ')') items.push(value());
      at += 1;
      return items;
    }
    if (token === '<>') return null;
    return token;
  };
  const node = (): PgNode => {
    const type = tokens[at++]!;
    const fields: Record<string, NodeValue> = {};
    while (tokens[at] !== '}') {
      const key = tokens[at++]!;
      if (!key.startsWith(':')) throw new Error(`expected a field name in ${type}, got ${key}`);
      // Datum bytes (`:constvalue 4 [ 1 0 0 0 ]`) are not nodes: keep them as one atom.
      if (tokens[at + 1] === '[') {
        const close = tokens.indexOf(']', at);
        fields[key.slice(1)] = tokens.slice(at, close + 1).join(' ');
        at = close + 1;
        continue;
      }
      fields[key.slice(1)] = tokens[at] === '}' || tokens[at]?.startsWith(':') ? null : value();
    }
    at += 1;
    return { type, fields };
  };
  if (tokens.length === 0) return null;
  const root = value();
  return root !== null && typeof root === 'object' && !Array.isArray(root) ? root : null;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      i += 1;
    } else if (ch === '{' || ch === '}' || ch === '(' || ch === ')') {
      tokens.push(ch);
      i += 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      // An atom runs to the next unescaped delimiter; a backslash escapes one character.
      let j = i;
      while (j < text.length && !' \n\t{}()'.includes(text[j]!)) j += text[j] === '\\' ? 2 : 1;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

/** Every node of the tree with the chain of nodes above it (nearest last). */
export function* walkNodes(value: NodeValue, ancestors: PgNode[] = []): Generator<{ node: PgNode; ancestors: PgNode[] }> {
  if (value === null || typeof value === 'string') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* walkNodes(item, ancestors);
    return;
  }
  yield { node: value, ancestors };
  const below = [...ancestors, value];
  for (const field of Object.values(value.fields)) yield* walkNodes(field, below);
}

// SubLinkType EXPR_SUBLINK: a scalar `(SELECT …)`.
const EXPR_SUBLINK = '4';

/**
 * Whether a function call runs once per statement: its nearest enclosing sub-select is a scalar
 * `(SELECT …)` with no FROM and no reference to the outer row, which the planner turns into an
 * InitPlan. Anywhere else (the policy's top level, a correlated sub-select, an EXISTS over
 * another table) it runs for every row.
 */
export function isInitPlanWrapped(ancestors: readonly PgNode[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i -= 1) {
    const node = ancestors[i]!;
    if (node.type !== 'SUBLINK') continue;
    if (node.fields.subLinkType !== EXPR_SUBLINK) return false;
    const query = node.fields.subselect;
    if (query === null || typeof query !== 'object' || Array.isArray(query)) return false;
    const rtable = query.fields.rtable;
    return (rtable === null || (Array.isArray(rtable) && rtable.length === 0)) && !referencesOuterRow(query);
  }
  return false;
}

/** A Var pointing above `query` (varlevelsup beyond the sub-selects nested inside it) makes it correlated. */
function referencesOuterRow(query: PgNode): boolean {
  for (const { node, ancestors } of walkNodes(query)) {
    if (node.type !== 'VAR') continue;
    const depth = ancestors.filter((a) => a.type === 'QUERY').length - 1;
    if (Number(node.fields.varlevelsup) > depth) return true;
  }
  return false;
}

/** Function calls in an expression tree: each call's function oid and whether it runs once per statement. */
export function functionCalls(tree: PgNode | null): { funcid: string; wrapped: boolean }[] {
  if (!tree) return [];
  const calls: { funcid: string; wrapped: boolean }[] = [];
  for (const { node, ancestors } of walkNodes(tree)) {
    if (node.type === 'FUNCEXPR' && typeof node.fields.funcid === 'string') {
      calls.push({ funcid: node.fields.funcid, wrapped: isInitPlanWrapped(ancestors) });
    }
  }
  return calls;
}
