import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { JOURNEY_HEADER } from '../../../stack/rest/journeyHeader.ts';
import { LOCAL_API_HEADER } from '../../../stack/server/localApiBanner.ts';
import { ClassifiedError, type ErrorClass } from '../../engine/classifyError.ts';
import { fillRestRequest } from '../../workloads/fillRestRequest.ts';
import { endpointOf, type RestRequestShape } from '../../workloads/restShapes.ts';
import { EndpointRecorder } from './endpointRecorder.ts';
import { parseServerTiming } from './serverTiming.ts';

/** The keys a request goes with: `apikey` for the gateway, the bearer token for PostgREST's role and claims. */
export interface RestAuth {
  apikey: string;
  bearer: string;
}

/** Longer than the database's statement_timeout (30 s), so a slow statement is counted by the server's own error. */
const REQUEST_TIMEOUT_MS = 35_000;

/**
 * The REST driver's HTTP side: one undici keep-alive pool of `connections` sockets to the
 * endpoint's origin, every request timed from send to the whole body and recorded per
 * endpoint. A non-2xx answer throws a ClassifiedError (http-4xx, http-5xx, rate-limited), a
 * request that got no answer one of class network.
 */
export class RestClient {
  readonly endpoints = new EndpointRecorder();
  /** True once an answer carried the local stack's header: the figures are a test target's. */
  localStack = false;
  private readonly pool: Pool;

  constructor(url: string, connections: number) {
    this.pool = new Pool(new URL(url).origin, { connections, keepAliveTimeout: 60_000, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  }

  /** Sends one shape filled from `params` ({now} added), tagged with its journey; returns the body text of a 2xx answer. */
  async send(shape: RestRequestShape, params: Readonly<Record<string, unknown>>, auth: RestAuth, journeyTag?: string): Promise<string> {
    const filled = fillRestRequest(shape, { now: new Date().toISOString(), ...params });
    const endpoint = endpointOf(shape);
    const started = performance.now();
    let status: number;
    let text: string;
    let headers: Record<string, string | string[] | undefined>;
    try {
      const response = await this.pool.request({
        method: filled.method,
        path: filled.path,
        headers: { apikey: auth.apikey, authorization: `Bearer ${auth.bearer}`, ...(journeyTag ? { [JOURNEY_HEADER]: journeyTag } : {}), ...filled.headers },
        ...(filled.body !== undefined ? { body: filled.body } : {}),
      });
      text = await response.body.text();
      status = response.statusCode;
      headers = response.headers;
    } catch (error) {
      this.endpoints.record(endpoint, shape.pattern, performance.now() - started, 'network');
      throw new ClassifiedError('network', `${endpoint}: ${(error as Error).message}`, { cause: error });
    }
    const elapsed = performance.now() - started;
    if (headers[LOCAL_API_HEADER] !== undefined) this.localStack = true;
    const timing = parseServerTiming(headers['server-timing']);
    if (status >= 200 && status < 300) {
      this.endpoints.record(endpoint, shape.pattern, elapsed, undefined, timing);
      return text;
    }
    const errorClass: ErrorClass = status === 429 ? 'rate-limited' : status >= 500 ? 'http-5xx' : 'http-4xx';
    this.endpoints.record(endpoint, shape.pattern, elapsed, errorClass, timing);
    throw new ClassifiedError(errorClass, `${endpoint} answered ${status}: ${text.slice(0, 200)}`);
  }

  /** Closes the sockets; requests still hanging after `graceMs` are cut. */
  async close(graceMs = 5_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([this.pool.close().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
    clearTimeout(timer);
    if (!closed) await this.pool.destroy();
  }
}
