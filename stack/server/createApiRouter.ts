import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { AuthHandler } from '../auth/createAuthHandler.ts';
import type { RestHandler } from '../rest/restTypes.ts';
import type { StorageHandler } from '../storage/storageTypes.ts';
import { checkApiKey } from './checkApiKey.ts';
import { CORS_HEADERS, preflightHeaders } from './corsHeaders.ts';
import { LOCAL_API_HEADER, LOCAL_API_HEADER_VALUE } from './localApiBanner.ts';
import { readRequestBody } from './readRequestBody.ts';
import { restRoute } from './restRoute.ts';

export interface ApiRoutes {
  jwtSecret: string;
  auth: AuthHandler;
  rest: RestHandler | undefined;
  /** `/storage/v1`; without it the path is not routed. */
  storage?: StorageHandler;
  /** Where an unexpected failure is told (the server's log), never the client. */
  log: (line: string) => void;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /** A streamed body (object downloads), instead of `body`. */
  stream?: Readable;
  /** Time spent in the database, when the answer knows it (PostgREST's part). */
  dbMs?: number;
}

/**
 * The gateway of the local stack, in the order Supabase's own runs: CORS preflight, the
 * apikey check, then `/rest/v1` or `/auth/v1`. Every answer says it comes from a local test
 * target and carries `Server-Timing` (db and total, in ms) for the report's db-vs-REST share.
 */
export function createApiRouter(routes: ApiRoutes): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const startedAt = performance.now();
    answer(routes, request).then(
      (result) => write(response, request.method === 'HEAD' ? { ...result, body: undefined } : result, startedAt),
      (error: unknown) => {
        routes.log(`${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
        write(response, { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'local API failure; see the API server log' }) }, startedAt);
      },
    );
  };
}

async function answer(routes: ApiRoutes, request: IncomingMessage): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://local');
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') return { status: 200, headers: preflightHeaders(request.headers) };
  const headers = flatHeaders(request.headers);
  const service = /^\/(rest|auth|storage)\/v1(\/.*)?$/.exec(url.pathname);
  if (!service || (service[1] === 'storage' && !routes.storage)) return gatewayJson(404, { message: 'no Route matched with those values' });
  // Supabase's gateway has no key-auth on /storage/v1 (Storage checks the JWT itself), so public
  // and signed URLs open without an apikey; the body is the handler's to stream.
  if (service[1] === 'storage') return routes.storage!({ method, path: service[2] ?? '/', query: url.searchParams, headers, request });
  const apikey = headers.apikey ?? url.searchParams.get('apikey') ?? undefined;
  const refusal = await checkApiKey(apikey, routes.jwtSecret);
  if (refusal) return gatewayJson(refusal.status, refusal.body);
  const path = service[2] ?? '/';
  const rawBody = await readRequestBody(request);
  if (service[1] === 'auth') return routes.auth({ method, path, query: url.searchParams, headers, rawBody, clientIp: request.socket.remoteAddress ?? 'unknown' });
  // The gateway hides the key from PostgREST (key-auth hide_credentials), so request.headers never holds it.
  const { apikey: _hidden, ...restHeaders } = headers;
  return restRoute({ method, path, query: url.searchParams, headers: restHeaders, rawBody, apikey: apikey! }, routes.rest, routes.jwtSecret);
}

function write(response: ServerResponse, result: Answer, startedAt: number): void {
  const total = performance.now() - startedAt;
  const timing = [...(result.dbMs !== undefined ? [`db;dur=${result.dbMs.toFixed(2)}`] : []), `total;dur=${total.toFixed(2)}`].join(', ');
  response.writeHead(result.status, { ...CORS_HEADERS, ...result.headers, 'server-timing': timing, [LOCAL_API_HEADER]: LOCAL_API_HEADER_VALUE });
  if (!result.stream) {
    response.end(result.body);
    return;
  }
  // A client gone mid-download ends the file stream with it.
  response.once('close', () => result.stream!.destroy());
  result.stream.pipe(response);
}

function gatewayJson(status: number, body: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** Header names are already lower-cased by node; repeated headers are joined as HTTP allows. */
function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
