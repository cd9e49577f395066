import type { RequestContext } from '../requestContext.ts';

/**
 * One request to the local `/rest/v1`, as the HTTP layer hands it over once the JWT is
 * verified: the PostgREST part of the stack never sees a socket or a token.
 */
export interface RestRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path after `/rest/v1`: `/orders`, `/rpc/generate_payment_reference`. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there is none. */
  body: unknown;
  /** Who asks: the role, `sub` and claims of the verified JWT. */
  auth: Pick<RequestContext, 'role' | 'sub' | 'claims'>;
}

/** PostgREST's answer, ready to write to the socket. */
export interface RestResponse {
  status: number;
  /** Header names lower-cased (`content-type`, `content-range`, `location` …). */
  headers: Record<string, string>;
  /** JSON text; undefined for no body (204, HEAD). */
  body?: string;
  /** Time spent waiting on the database for this request, for `Server-Timing` and the report's db-vs-REST share. */
  dbMs: number;
}

export type RestHandler = (request: RestRequest) => Promise<RestResponse>;
