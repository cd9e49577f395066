import { columnNotFound, noRelationship, notImplemented, PgrstError } from './pgrstError.ts';
import type { LogicTree, OrderTerm, ParsedQuery, SelectItem } from './queryTypes.ts';
import type { CachedColumn, CachedTable, Relationship, SchemaCache } from './schemaCache.ts';

/** One level of a read: the root resource or an embed, checked against the schema cache. */
export interface ReadNode {
  /** The relation read here (a table, a view, or an rpc's result shaped like one). */
  table: Pick<CachedTable, 'schema' | 'name' | 'columns'>;
  /** SQL alias of this level; generated, never request text. */
  alias: string;
  /** The key the embed appears under in the JSON: its alias or its name. */
  key: string;
  relationship?: Relationship;
  inner: boolean;
  fields: Extract<SelectItem, { kind: 'field' }>[];
  /** `count` alone: the level is an aggregate. */
  countOnly: boolean;
  children: ReadNode[];
  filters: LogicTree[];
  order: OrderTerm[];
  range?: { offset: number; limit?: number };
}

/**
 * Resolves the select tree: every column, embed and hint against the schema cache, each
 * embed to exactly one relationship (PGR `findRel`), and the query's filters, order and
 * ranges to the level their path names.
 */
export function resolveReadPlan(cache: SchemaCache, root: ReadNode['table'], query: ParsedQuery): ReadNode {
  let counter = 0;
  const build = (table: ReadNode['table'], items: SelectItem[], key: string, alias: string, isRoot: boolean): ReadNode => {
    const node: ReadNode = { table, alias, key, inner: false, fields: [], countOnly: false, children: [], filters: [], order: [] };
    for (const item of items) {
      if (item.kind === 'count') {
        if (items.length > 1) throw notImplemented('count mixed with other columns (aggregates) is not supported by the local stack');
        node.countOnly = true;
      } else if (item.kind === 'field') {
        if (item.field.name !== '*') requireColumn(table, item.field.name);
        if (item.cast && !cache.castTypes.has(item.cast.replace(/\[\]$/, ''))) throw new PgrstError(400, '42704', `type "${item.cast}" does not exist`);
        node.fields.push(item);
      } else {
        const relationship = findRelationship(cache, table, item.name, item.hint);
        const target = cache.tables.get(relationship.target)!;
        counter += 1;
        const child = build(target, item.items, item.alias ?? item.name, `${target.name}_${counter}`, false);
        child.relationship = relationship;
        child.inner = item.inner;
        node.children.push(child);
      }
    }
    if (isRoot && items.length === 0) node.fields.push({ kind: 'field', field: { name: '*', jsonPath: [] } });
    return node;
  };
  const tree = build(root, query.select, root.name, root.name, true);

  const at = (path: string): ReadNode => {
    let node = tree;
    for (const name of path ? path.split('.') : []) {
      const child = node.children.find((c) => c.key === name);
      if (!child) throw new PgrstError(400, 'PGRST108', `'${name}' is not an embedded resource in this request`, null, `Verify that '${name}' is included in the 'select' query parameter.`);
      node = child;
    }
    return node;
  };
  for (const [path, trees] of query.filters) {
    const node = at(path);
    for (const tree of trees) checkTree(node.table, tree);
    node.filters.push(...trees);
  }
  for (const [path, terms] of query.order) {
    const node = at(path);
    for (const term of terms) {
      if (term.relation) {
        const child = node.children.find((c) => c.key === term.relation);
        if (!child) throw new PgrstError(400, 'PGRST108', `'${term.relation}' is not an embedded resource in this request`);
        if (!child.relationship!.toOne)
          throw new PgrstError(400, 'PGRST118', `A related order on '${term.relation}' is not possible`, `'${node.table.name}' and '${term.relation}' do not form a many-to-one or one-to-one relationship`);
        requireColumn(child.table, term.field.name);
      } else requireColumn(node.table, term.field.name);
    }
    node.order = terms;
  }
  for (const [path, range] of query.ranges) at(path).range = range;
  return tree;
}

export function requireColumn(table: ReadNode['table'], name: string): CachedColumn {
  const column = table.columns.get(name);
  if (!column) throw columnNotFound(table.name, name);
  return column;
}

function checkTree(table: ReadNode['table'], tree: LogicTree): void {
  if (tree.kind === 'condition') requireColumn(table, tree.condition.field.name);
  else for (const child of tree.children) checkTree(table, child);
}

/**
 * The relationship `name!hint` means from `table`: target table named `name` (or, for a
 * to-one, a foreign-key column or constraint named `name`), narrowed by the hint (a
 * constraint name or one of its columns). None → PGRST200; several → PGRST201.
 */
function findRelationship(cache: SchemaCache, table: ReadNode['table'], name: string, hint: string | undefined): Relationship {
  const from = `${table.schema}.${table.name}`;
  const all = cache.relationships.get(from) ?? [];
  const targetName = (r: Relationship) => r.target.slice(r.target.indexOf('.') + 1);
  let matches = all.filter((r) => targetName(r) === name || (r.toOne && r.columns.length === 1 && r.columns[0] === name) || r.constraint === name);
  if (hint) matches = matches.filter((r) => r.constraint === hint || r.columns.includes(hint) || r.targetColumns.includes(hint));
  if (matches.length === 0) throw noRelationship(table.name, name, hint, table.schema);
  if (matches.length > 1) {
    const details = matches.map((r) => ({
      cardinality: r.toOne ? 'many-to-one' : 'one-to-many',
      embedding: `${table.name} with ${targetName(r)}`,
      relationship: `${r.constraint} using ${table.name}(${r.columns.join(', ')}) and ${targetName(r)}(${r.targetColumns.join(', ')})`,
    }));
    const options = matches.map((r) => `'${targetName(r)}!${r.constraint}'`).join(', ');
    throw new PgrstError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${table.name}' and '${name}'`, details, `Try changing '${name}' to one of the following: ${options}. Find the desired relationship in the 'details' key.`);
  }
  return matches[0]!;
}
