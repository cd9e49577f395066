import { PgrstError } from './pgrstError.ts';
import type { CachedFunction, CachedTable, SchemaCache } from './schemaCache.ts';
import { ident, qualified, type SqlParams } from './sqlText.ts';

/** How PostgREST shapes an rpc's result. */
export type RpcResult =
  | { kind: 'void' }
  | { kind: 'scalar'; set: boolean }
  /** Rows: filters, select and order apply to them as to a table. */
  | { kind: 'rows'; set: boolean; table: Pick<CachedTable, 'schema' | 'name' | 'columns'> };

/**
 * Finds the function the arguments name (PGR: every key a parameter, every parameter
 * without a default given) and renders `pgrst_source`: the arguments arrive as one JSON
 * parameter, typed by jsonb_to_record with the function's own parameter types.
 */
export function renderRpc(cache: SchemaCache, schema: string, name: string, args: Record<string, unknown>, viaPost: boolean, params: SqlParams): { source: string; result: RpcResult } {
  const fn = chooseFunction(cache, schema, name, Object.keys(args), viaPost);
  const given = fn.params.filter((param) => param.name in args);
  const call = `${qualified(fn.schema, fn.name)}(${given.map((param) => `${ident(param.name)} := pgrst_args.${ident(param.name)}`).join(', ')})`;
  const argsFrom = given.length
    ? `jsonb_to_record(${params.add(JSON.stringify(args))}::jsonb) AS pgrst_args(${given.map((param) => `${ident(param.name)} ${param.type}`).join(', ')})`
    : '(SELECT) AS pgrst_args';
  if (fn.returnsVoid) return { source: `SELECT ${call} FROM ${argsFrom}`, result: { kind: 'void' } };
  if (fn.returnsScalar) {
    const source = fn.returnsSet
      ? `SELECT pgrst_call.pgrst_scalar FROM ${argsFrom}, LATERAL ${call} AS pgrst_call(pgrst_scalar)`
      : `SELECT ${call} AS pgrst_scalar FROM ${argsFrom}`;
    return { source, result: { kind: 'scalar', set: fn.returnsSet } };
  }
  const table = fn.returnsTable
    ? cache.tables.get(fn.returnsTable)!
    : { schema: fn.schema, name: fn.name, columns: new Map(fn.outColumns.map((column) => [column.name, { name: column.name, type: column.type, defaultExpr: null }])) };
  return { source: `SELECT pgrst_call.* FROM ${argsFrom}, LATERAL ${call} AS pgrst_call`, result: { kind: 'rows', set: fn.returnsSet, table } };
}

function chooseFunction(cache: SchemaCache, schema: string, name: string, keys: string[], viaPost: boolean): CachedFunction {
  const overloads = cache.functions.get(`${schema}.${name}`) ?? [];
  const fits = overloads.filter((fn) => keys.every((key) => fn.params.some((param) => param.name === key)) && fn.params.every((param) => param.hasDefault || keys.includes(param.name)));
  if (fits.length === 1) return fits[0]!;
  if (fits.length > 1) {
    const listed = fits.map((fn) => `${fn.schema}.${fn.name}(${fn.params.map((param) => `${param.name} => ${param.type}`).join(', ')})`).join(', ');
    throw new PgrstError(300, 'PGRST203', `Could not choose the best candidate function between: ${listed}`, null, 'Try renaming the parameters or the function itself in the database so function overloading can be resolved');
  }
  const sorted = [...keys].sort();
  const func = `${schema}.${name}`;
  const withParams = sorted.length ? ` with parameter${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}` : ' without parameters';
  const hint = overloads[0] ? `Perhaps you meant to call the function ${func}(${overloads[0].params.map((param) => param.name).sort().join(', ')})` : null;
  throw new PgrstError(
    404,
    'PGRST202',
    `Could not find the function ${func}${sorted.length ? `(${sorted.join(', ')})` : ' without parameters'} in the schema cache`,
    `Searched for the function ${func}${withParams}${viaPost ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
    hint,
  );
}
