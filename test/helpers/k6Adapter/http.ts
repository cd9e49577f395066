// The `k6/http` module on Node: asyncRequest over fetch, the synchronous calls (setup's) over fetch in a worker.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { k6State } from './k6State.ts';

interface Params { headers?: Record<string, string>; tags?: Record<string, string> }
type Body = string | ArrayBuffer | Uint8Array | null | undefined;
interface Response { status: number; body: string; headers: Record<string, string>; timings: { duration: number }; json(): unknown }

function response(status: number, body: string, headers: Record<string, string>, duration: number): Response {
  return { status, body, headers, timings: { duration }, json: () => JSON.parse(body) };
}

/** k6's built-in HTTP metrics for one request (http_req_failed: anything outside 200–399). */
function recordBuiltIns(res: Response, tags: Record<string, string>): void {
  const state = k6State();
  state.add('http_reqs', 1, tags);
  state.add('http_req_duration', res.timings.duration, tags);
  state.add('http_req_failed', res.status < 200 || res.status >= 400 ? 1 : 0, tags);
}

export async function asyncRequest(method: string, url: string, body?: Body, params: Params = {}): Promise<Response> {
  const started = performance.now();
  let res: Response;
  try {
    const answer = await fetch(url, { method, headers: params.headers, body: body ?? undefined });
    const text = await answer.text();
    res = response(answer.status, text, Object.fromEntries(answer.headers), performance.now() - started);
  } catch (error) {
    // k6 answers a network failure with status 0 rather than throwing.
    res = response(0, String(error), {}, performance.now() - started);
  }
  recordBuiltIns(res, params.tags ?? {});
  return res;
}

// A worker does the fetch while this thread waits on Atomics (k6's calls block; the server
// under test runs in another process, so nothing here needs the event loop meanwhile).
const SYNC_FETCH = `const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', async ({ port, req }) => {
  let reply;
  try {
    const t = performance.now();
    const a = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body ?? undefined });
    const body = await a.text();
    reply = { status: a.status, body, headers: Object.fromEntries(a.headers), duration: performance.now() - t };
  } catch (error) { reply = { status: 0, body: String(error), headers: {}, duration: 0 }; }
  port.postMessage(reply);
  Atomics.store(workerData, 0, 1);
  Atomics.notify(workerData, 0);
});`;
let worker: { worker: Worker; flag: Int32Array } | undefined;

export function request(method: string, url: string, body?: Body, params: Params = {}): Response {
  if (!worker) {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    worker = { worker: new Worker(SYNC_FETCH, { eval: true, workerData: flag }), flag };
    worker.worker.unref();
  }
  const { port1, port2 } = new MessageChannel();
  Atomics.store(worker.flag, 0, 0);
  worker.worker.postMessage({ port: port2, req: { method, url, body: typeof body === 'string' ? body : undefined, headers: params.headers } }, [port2]);
  Atomics.wait(worker.flag, 0, 0, 30_000);
  const answer = receiveMessageOnPort(port1)?.message as { status: number; body: string; headers: Record<string, string>; duration: number } | undefined;
  port1.close();
  if (!answer) throw new Error(`sync ${method} ${url} got no answer within 30 s`);
  const res = response(answer.status, answer.body, answer.headers, answer.duration);
  recordBuiltIns(res, params.tags ?? {});
  return res;
}

export const get = (url: string, params?: Params) => request('GET', url, null, params);
export const post = (url: string, body?: Body, params?: Params) => request('POST', url, body, params);
export const del = (url: string, body?: Body, params?: Params) => request('DELETE', url, body, params);

export default { asyncRequest, request, get, post, del };
