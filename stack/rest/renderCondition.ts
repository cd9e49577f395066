import type { FieldRef, LogicTree, Operation } from './queryTypes.ts';
import { ident, type SqlParams } from './sqlText.ts';

const SQL_OPERATOR: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'LIKE', ilike: 'ILIKE', match: '~', imatch: '~*', cs: '@>', cd: '<@', ov: '&&',
};

/** A column of `ref` with its JSON path; JSON keys travel as parameters like every other value. */
export function renderField(ref: string, field: FieldRef, params: SqlParams): string {
  let sql = `${ref}.${ident(field.name)}`;
  for (const step of field.jsonPath) {
    // An integer key indexes a JSON array, as PostgREST renders `->0`.
    const key = /^-?\d+$/.test(step.key) ? `${params.add(Number(step.key))}::int` : `${params.add(step.key)}::text`;
    sql += ` ${step.arrow} ${key}`;
  }
  return sql;
}

/** A filter or and=/or= tree as SQL over `ref`, values as parameters. */
export function renderCondition(ref: string, tree: LogicTree, params: SqlParams): string {
  if (tree.kind !== 'condition') {
    const joined = tree.children.map((child) => renderCondition(ref, child, params)).join(tree.kind === 'and' ? ' AND ' : ' OR ');
    return `${tree.negated ? 'NOT ' : ''}(${joined})`;
  }
  const { field, negated, operation } = tree.condition;
  const sql = renderOperation(renderField(ref, field, params), operation, params);
  return negated ? `NOT ${sql}` : sql;
}

function renderOperation(column: string, operation: Operation, params: SqlParams): string {
  switch (operation.op) {
    case 'is':
      return `${column} IS ${{ null: 'NULL', not_null: 'NOT NULL', true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN' }[operation.value]}`;
    case 'in':
      return `${column} = ANY (${params.add(operation.values)})`;
    default: {
      const op = SQL_OPERATOR[operation.op]!;
      if (operation.quantifier) return `${column} ${op} ${operation.quantifier.toUpperCase()} (${params.add(operation.value)})`;
      return `${column} ${op} ${params.add(operation.value)}`;
    }
  }
}
