import { renderCondition, renderField } from './renderCondition.ts';
import type { ReadNode } from './resolveReadPlan.ts';
import type { OrderTerm } from './queryTypes.ts';
import { ident, qualified, type SqlParams } from './sqlText.ts';

/** Where the root rows come from: the table itself, or `pgrst_source` for a write's representation or an rpc's result. */
export interface ReadSource {
  from: string;
  ref: string;
}

export function tableSource(node: ReadNode): ReadSource {
  const name = qualified(node.table.schema, node.table.name);
  return { from: name, ref: name };
}

/**
 * The SELECT of one level in PostgREST's shape: its columns, each embed as a LEFT (or
 * INNER) JOIN LATERAL subquery — to-one as `row_to_json`, to-many as `json_agg` — then the
 * level's filters, order and range.
 */
export function renderRead(node: ReadNode, source: ReadSource, params: SqlParams, options: { extraWhere?: string[]; withRange?: boolean } = {}): string {
  const ref = source.ref;
  const joins: string[] = [];
  const where = [...(options.extraWhere ?? []), ...node.filters.map((tree) => renderCondition(ref, tree, params))];
  let columns: string[];
  if (node.countOnly) columns = ['pg_catalog.count(*) AS "count"'];
  else {
    columns = node.fields.map((item) => {
      if (item.field.name === '*') return `${ref}.*`;
      const cast = item.cast ? `::${item.cast}` : '';
      const name = item.alias ?? item.field.jsonPath.at(-1)?.key ?? item.field.name;
      return `${renderField(ref, item.field, params)}${cast} AS ${ident(name)}`;
    });
    for (const child of node.children) {
      const lateral = ident(child.alias);
      const joinOn = child.relationship!.columns.map((column, i) => `${lateral}.${ident(child.relationship!.targetColumns[i]!)} = ${ref}.${ident(column)}`);
      const childSource = { from: `${qualified(child.table.schema, child.table.name)} AS ${lateral}`, ref: lateral };
      const body = renderRead(child, childSource, params, { extraWhere: joinOn, withRange: true });
      // `rel()` selects nothing: joined (to filter through !inner) but not in the output, as PostgREST does.
      const shown = child.fields.length > 0 || child.children.length > 0 || child.countOnly;
      if (child.relationship!.toOne) {
        joins.push(`${child.inner ? 'INNER' : 'LEFT'} JOIN LATERAL (${body}) AS ${lateral} ON TRUE`);
        if (shown) columns.push(`row_to_json(${lateral}.*)::jsonb AS ${ident(child.key)}`);
      } else {
        // json_agg over no rows is NULL: that is what an inner to-many join drops.
        joins.push(`${child.inner ? 'INNER' : 'LEFT'} JOIN LATERAL (SELECT json_agg(${lateral})::jsonb AS ${lateral} FROM (${body}) AS ${lateral}) AS ${lateral} ON ${child.inner ? `${lateral}.${lateral} IS NOT NULL` : 'TRUE'}`);
        if (shown) columns.push(`COALESCE(${lateral}.${lateral}, '[]') AS ${ident(child.key)}`);
      }
    }
    if (columns.length === 0) columns = ['1 AS "pgrst_empty"'];
  }
  let sql = `SELECT ${columns.join(', ')} FROM ${source.from}${joins.map((join) => ` ${join}`).join('')}`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  if (node.order.length && !node.countOnly) sql += ` ORDER BY ${node.order.map((term) => renderOrderTerm(node, ref, term, params)).join(', ')}`;
  if (options.withRange !== false && node.range && !node.countOnly) {
    if (node.range.limit !== undefined) sql += ` LIMIT ${params.add(node.range.limit)}`;
    if (node.range.offset) sql += ` OFFSET ${params.add(node.range.offset)}`;
  }
  return sql;
}

function renderOrderTerm(node: ReadNode, ref: string, term: OrderTerm, params: SqlParams): string {
  const on = term.relation ? ident(node.children.find((child) => child.key === term.relation)!.alias) : ref;
  const direction = term.direction ? ` ${term.direction.toUpperCase()}` : '';
  const nulls = term.nulls ? ` NULLS ${term.nulls.toUpperCase()}` : '';
  return `${renderField(on, term.field, params)}${direction}${nulls}`;
}

/**
 * PostgREST's count of the whole result: the root's filters, and an EXISTS for each inner
 * embed (with its own filters), since those drop root rows.
 */
export function renderCount(node: ReadNode, source: ReadSource, params: SqlParams): string {
  return `SELECT pg_catalog.count(*) FROM (SELECT 1 FROM ${source.from}${whereOfCount(node, source.ref, params, [])}) AS _postgrest_count`;
}

function whereOfCount(node: ReadNode, ref: string, params: SqlParams, extra: string[]): string {
  const where = [...extra, ...node.filters.map((tree) => renderCondition(ref, tree, params))];
  for (const child of node.children.filter((c) => c.inner)) {
    const alias = ident(`${child.alias}_count`);
    const joinOn = child.relationship!.columns.map((column, i) => `${alias}.${ident(child.relationship!.targetColumns[i]!)} = ${ref}.${ident(column)}`);
    where.push(`EXISTS (SELECT 1 FROM ${qualified(child.table.schema, child.table.name)} AS ${alias}${whereOfCount(child, alias, params, joinOn)})`);
  }
  return where.length ? ` WHERE ${where.join(' AND ')}` : '';
}
