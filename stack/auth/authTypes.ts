/** One request to the local `/auth/v1`, as the HTTP layer hands it over (the apikey already checked). */
export interface AuthRequest {
  method: string;
  /** The path after `/auth/v1`: `/token`, `/admin/users/<id>`. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The client's address: what GoTrue's per-IP rate limits key on. */
  clientIp?: string;
  /** The raw body; GoTrue parses it per endpoint. */
  rawBody: string;
}

/** GoTrue's answer, ready to write to the socket. */
export interface AuthResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text; undefined for 204. */
  body?: string;
}
