import { PgrstError } from './pgrstError.ts';
import type { RestPlan } from './planRequest.ts';
import type { MainRow } from './renderMain.ts';
import type { RestResponse } from './restTypes.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const OBJECT_TYPE = 'application/vnd.pgrst.object+json; charset=utf-8';

/** PostgREST's answer to a statement that ran: status, `Content-Range`, `Location`, body. */
export function restResponse(plan: RestPlan, row: MainRow, dbMs: number): RestResponse {
  const pageTotal = Number(row.page_total);
  const total = row.total_result_set === null ? null : Number(row.total_result_set);
  const headers: Record<string, string> = { 'content-type': plan.single ? OBJECT_TYPE : JSON_TYPE };
  const body = plan.noBody ? undefined : row.body;

  if (plan.kind === 'insert') {
    headers['content-range'] = `*/${plan.prefer.count ? pageTotal : '*'}`;
    if (plan.locationOf && pageTotal > 0) {
      const first = (JSON.parse(row.body) as Record<string, unknown>[])[0]!;
      headers['location'] = `/${plan.locationOf.table}?${plan.locationOf.key.map((column) => `${column}=eq.${encodeURIComponent(String(first[column]))}`).join('&')}`;
    }
    return { status: 201, headers, body, dbMs };
  }
  if (plan.kind === 'update' || plan.kind === 'delete') {
    headers['content-range'] = `${pageTotal > 0 ? `0-${pageTotal - 1}` : '*'}/${plan.prefer.count ? pageTotal : '*'}`;
    return plan.noBody ? { status: 204, headers, dbMs } : { status: 200, headers, body, dbMs };
  }
  // A void function answers 204 with no body.
  if (plan.kind === 'void') return { status: 204, headers: {}, dbMs };

  // Reads and rpc results: PGR `rangeStatus` and `contentRangeH`.
  const upper = plan.offset + pageTotal - 1;
  headers['content-range'] = `${total !== 0 && plan.offset <= upper ? `${plan.offset}-${upper}` : '*'}/${total ?? '*'}`;
  if (total !== null && plan.offset > total) {
    const error = new PgrstError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${plan.offset} was requested, but there are only ${total} rows.`);
    const response = errorResponse(error, dbMs);
    return { ...response, headers: { ...response.headers, 'content-range': `*/${total}` } };
  }
  return { status: total !== null && pageTotal < total ? 206 : 200, headers, body, dbMs };
}

/** PostgREST's error answer: its JSON body, `Proxy-Status`, and `WWW-Authenticate` on 401. */
export function errorResponse(error: PgrstError, dbMs: number): RestResponse {
  const headers: Record<string, string> = { 'content-type': JSON_TYPE, 'proxy-status': `PostgREST; error=${error.code}` };
  if (error.status === 401) headers['www-authenticate'] = 'Bearer';
  return { status: error.status, headers, body: error.body(), dbMs };
}
