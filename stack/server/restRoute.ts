import type { RestHandler, RestRequest, RestResponse } from '../rest/restTypes.ts';
import { authenticateRest } from './authenticateRest.ts';

const REST_METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE']);

export interface RestCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  rawBody: string;
  apikey: string;
}

/**
 * One /rest/v1 request as PostgREST takes it in: the method, the caller's JWT, the JSON body;
 * then the REST layer does the rest. Refusals before the REST layer use PostgREST's errors
 * (their dbMs is 0: the database was never asked).
 */
export async function restRoute(call: RestCall, rest: RestHandler | undefined, secret: string): Promise<RestResponse> {
  if (!REST_METHODS.has(call.method)) return pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${call.method}`);
  const auth = await authenticateRest(call.headers, call.apikey, secret);
  if ('status' in auth) return { status: auth.status, headers: { 'content-type': 'application/json; charset=utf-8', ...auth.headers }, body: JSON.stringify(auth.body), dbMs: 0 };
  const contentType = call.headers['content-type'];
  if (call.rawBody !== '' && contentType && !/json/i.test(contentType)) {
    return pgrstError(415, 'PGRST107', `Content-Type not acceptable: ${contentType}`);
  }
  let body: unknown;
  if (call.rawBody.trim() !== '' && call.method !== 'GET' && call.method !== 'HEAD') {
    try {
      body = JSON.parse(call.rawBody);
    } catch {
      return pgrstError(400, 'PGRST102', 'Empty or invalid json');
    }
  }
  if (!rest) return pgrstError(503, 'PGRST000', 'the local /rest/v1 has no PostgREST layer loaded; see the API server log');
  const request: RestRequest = { method: call.method as RestRequest['method'], path: call.path, query: call.query, headers: call.headers, body, auth };
  return rest(request);
}

function pgrstError(status: number, code: string, message: string): RestResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ code, message, details: null, hint: null }), dbMs: 0 };
}
