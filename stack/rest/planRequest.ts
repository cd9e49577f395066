import { parsePrefer, type Preferences } from './parsePrefer.ts';
import { parseQuery } from './parseQuery.ts';
import { notImplemented, PgrstError, tableNotFound } from './pgrstError.ts';
import { renderMain, type BodyShape } from './renderMain.ts';
import { renderCount, renderRead, tableSource } from './renderRead.ts';
import { renderRpc } from './renderRpc.ts';
import { renderWrite } from './renderWrite.ts';
import { resolveReadPlan, type ReadNode } from './resolveReadPlan.ts';
import type { RestRequest } from './restTypes.ts';
import type { CachedTable, SchemaCache } from './schemaCache.ts';
import { ident, SqlParams } from './sqlText.ts';

const OBJECT_MEDIA = 'application/vnd.pgrst.object+json';

/** One request made ready to run: the main statement and how to answer with its row. */
export interface RestPlan {
  text: string;
  values: unknown[];
  readOnly: boolean;
  /** `Prefer: tx=rollback`: run, answer, keep nothing. */
  rollback: boolean;
  /** `void`: an rpc returning void, answered 204. */
  kind: 'read' | 'insert' | 'update' | 'delete' | 'rpc' | 'void';
  /** `Accept: application/vnd.pgrst.object+json`: exactly one row or 406. */
  single: boolean;
  noBody: boolean;
  prefer: Preferences;
  /** The first row asked for (offset, Range): Content-Range starts there. */
  offset: number;
  /** Primary key columns for a `Location` header (POST, return=headers-only). */
  locationOf?: { table: string; key: string[] };
}

/**
 * Turns a `/rest/v1` request into PostgREST's SQL: parses, checks every name against the
 * schema cache, and renders one parameterised statement. Throws PgrstError for what
 * PostgREST rejects before it reaches the database.
 */
export function planRequest(cache: SchemaCache, request: RestRequest): RestPlan {
  const segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
  const isRpc = segments.length === 2 && segments[0] === 'rpc';
  if (!(segments.length === 1 || isRpc)) throw new PgrstError(404, 'PGRST125', 'Invalid path specified in request URL');
  const schema = chooseSchema(cache, request);
  const accept = request.headers['accept'] ?? '';
  const single = accept.includes(OBJECT_MEDIA);
  if (!single && accept && !/(^|,)\s*(\*\/\*|application\/json|application\/\*|application\/vnd\.pgrst\.array\+json)/.test(accept))
    throw new PgrstError(406, 'PGRST107', `None of these media types are available: ${accept}`);
  const prefer = parsePrefer(request.headers['prefer']);
  const query = parseQuery(request.query);
  applyRangeHeader(request, query.ranges);
  const params = new SqlParams();
  const readOnly = request.method === 'GET' || request.method === 'HEAD';
  const base = { readOnly, rollback: prefer.tx === 'rollback', single, noBody: request.method === 'HEAD', prefer, offset: query.ranges.get('')?.offset ?? 0 };

  if (isRpc) {
    if (!['GET', 'HEAD', 'POST'].includes(request.method)) throw new PgrstError(405, 'PGRST101', `Cannot use the ${request.method} method on RPC`);
    const viaPost = request.method === 'POST';
    const args = viaPost ? request.body ?? {} : Object.fromEntries(query.params);
    if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new PgrstError(400, 'PGRST102', 'Empty or invalid json');
    const { source, result } = renderRpc(cache, schema, segments[1]!, args as Record<string, unknown>, viaPost, params);
    if (result.kind === 'void') return { ...base, kind: 'void', noBody: true, text: renderMain(source, 'SELECT 1 FROM pgrst_source', 'none', null), values: params.values };
    if (result.kind === 'scalar') {
      const shape: BodyShape = result.set ? 'scalar-set' : 'scalar';
      const count = prefer.count ? 'SELECT pg_catalog.count(*) FROM pgrst_source' : null;
      return { ...base, kind: 'rpc', single: false, text: renderMain(source, 'SELECT * FROM pgrst_source', shape, count), values: params.values };
    }
    const node = resolveReadPlan(cache, result.table, query);
    const rows = { from: `pgrst_source AS ${ident(node.alias)}`, ref: ident(node.alias) };
    // The count runs over the function's rows with the request's filters, before limit and offset, as for a table.
    const count = prefer.count ? renderCount(node, rows, params) : null;
    const outer = renderRead(node, rows, params);
    // A function returning one row answers with an object, as PostgREST does.
    const shape: BodyShape = single || !result.set ? 'single' : 'array';
    return { ...base, kind: 'rpc', text: renderMain(source, outer, shape, count), values: params.values };
  }

  const table = cache.tables.get(`${schema}.${segments[0]}`);
  if (!table) throw tableNotFound(schema, segments[0]!);
  const node = resolveReadPlan(cache, table, query);
  const shape: BodyShape = single ? 'single' : 'array';

  if (request.method === 'GET' || request.method === 'HEAD') {
    const source = tableSource(node);
    const count = prefer.count ? renderCount(node, source, params) : null;
    const text = renderMain(renderRead(node, source, params), 'SELECT * FROM pgrst_source', shape, count);
    return { ...base, kind: 'read', text, values: params.values };
  }
  if (request.method === 'PUT') throw notImplemented('PUT (single-row upsert) is not supported by the local stack');
  return planWrite(request.method, table, node, query.columns, query.onConflict, request.body, prefer, params, base, shape);
}

function planWrite(
  method: 'POST' | 'PATCH' | 'DELETE',
  table: CachedTable,
  node: ReadNode,
  columns: string[] | undefined,
  onConflict: string[] | undefined,
  body: unknown,
  prefer: Preferences,
  params: SqlParams,
  base: Omit<RestPlan, 'kind' | 'text' | 'values'>,
  shape: BodyShape,
): RestPlan {
  if (method !== 'POST' && (node.range || node.order.length)) throw notImplemented('limit, offset and order on PATCH and DELETE are not supported by the local stack');
  const returning = prefer.return === 'representation' ? 'row' : prefer.return === 'headers-only' && method === 'POST' ? 'key' : 'none';
  // The root's filters belong to the DML; the representation reads what it returned.
  const filters = node.filters;
  node.filters = [];
  const source = renderWrite({ method, table, body, filters, columns, onConflict, prefer, returning }, params);
  const outer = returning === 'row' ? renderRead(node, { from: `pgrst_source AS ${ident(node.alias)}`, ref: ident(node.alias) }, params) : 'SELECT * FROM pgrst_source';
  const text = renderMain(source, outer, returning === 'row' ? shape : returning === 'key' ? 'array' : 'none', null);
  const kind = method === 'POST' ? 'insert' : method === 'PATCH' ? 'update' : 'delete';
  const locationOf = returning === 'key' && table.primaryKey.length ? { table: table.name, key: table.primaryKey } : undefined;
  return { ...base, kind, text, values: params.values, noBody: returning !== 'row', locationOf };
}

/** `Accept-Profile` (reads) or `Content-Profile` (writes) picks one of the exposed schemas; the first is the default. */
function chooseSchema(cache: SchemaCache, request: RestRequest): string {
  const header = request.method === 'GET' || request.method === 'HEAD' ? request.headers['accept-profile'] : request.headers['content-profile'];
  const schema = header ?? cache.schemas[0]!;
  if (!cache.schemas.includes(schema)) throw new PgrstError(406, 'PGRST106', `Invalid schema: ${schema}`, null, `Only the following schemas are exposed: ${cache.schemas.join(', ')}`);
  return schema;
}

/**
 * `Range: 0-24` (with `Range-Unit: items`) bounds the root; with limit/offset as well, the
 * two ranges intersect, as PGR `rangeIntersection` does.
 */
function applyRangeHeader(request: RestRequest, ranges: Map<string, { offset: number; limit?: number }>): void {
  const match = /^(?:items=)?(\d+)-(\d*)$/.exec((request.headers['range'] ?? '').trim());
  if (!match) return;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  if (to !== undefined && to < from)
    throw new PgrstError(416, 'PGRST103', 'Requested range not satisfiable', 'The lower boundary must be lower than or equal to the upper boundary in the Range header.');
  const query = ranges.get('');
  const lower = Math.max(from, query?.offset ?? 0);
  const uppers = [to, query?.limit === undefined ? undefined : (query.offset ?? 0) + query.limit - 1].filter((n): n is number => n !== undefined);
  const upper = uppers.length ? Math.min(...uppers) : undefined;
  // Disjoint ranges select nothing: PostgREST answers with an empty page, not an error.
  ranges.set('', { offset: lower, limit: upper === undefined ? undefined : Math.max(0, upper - lower + 1) });
}
