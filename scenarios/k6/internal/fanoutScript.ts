import { check } from 'k6';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { setInterval, clearInterval, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import { fillRestRequest } from '../../workloads/fillRestRequest.ts';
import type { FanoutKnobs } from '../../workloads/fanoutKnobs.ts';
import { WRITE_SHAPES } from '../../workloads/restShapes.ts';
import { endpointRecorder } from './endpointRecorder.ts';
import { scriptBudgets } from './k6Budgets.ts';
import { authHeaders, targetFromEnv } from './k6Target.ts';
import { budgetThresholds } from './k6Thresholds.ts';
import { scriptSetup, type ScriptSetup } from './readSetup.ts';
import type { K6Script } from './k6Script.ts';
import type { K6Endpoint } from './scenarioEndpoints.ts';
import { SUMMARY_TREND_STATS, summaryOutput } from './summaryOutput.ts';

const JOIN = 'WS phx_join';
const CHANGE = 'WS postgres_changes';
const INSERT = 'POST analytics_events';
/** Published by GOMFLOW's analytics migration (supabase_realtime); submissions are not, and a k6 runner cannot change the publication. */
const TABLE = 'analytics_events';

export interface FanoutScript extends K6Script {
  subscribers: (data: ScriptSetup) => Promise<void>;
  changes: (data: ScriptSetup) => Promise<void>;
  teardown: (data: ScriptSetup) => void;
}

/**
 * realtime-fanout on k6: `subscribers` GOM sockets join a postgres_changes channel over
 * /realtime/v1 speaking Phoenix vsn 2.0.0 as realtime-js does (JSON array frames,
 * binaryType "arraybuffer" for the binary broadcast frames), hold it while `changes` inserts
 * the watched GOM's analytics events at `changeRate` (RLS: users see their own events), and time each delivery from the row's commit_timestamp (the runner's
 * clock against the server's: skew adds to it). The events carry the run's tag as session_id; teardown deletes them.
 */
export function fanoutScript(knobs: FanoutKnobs, env: Readonly<Record<string, string | undefined>>): FanoutScript {
  const budgets = scriptBudgets(env);
  const endpoints: K6Endpoint[] = [
    { name: INSERT, budgetP95Ms: budgets.queryP95Ms, patterns: ['AN0'] },
    { name: CHANGE, budgetP95Ms: budgets.queryP95Ms, patterns: [] },
    { name: JOIN, budgetP95Ms: budgets.queryP95Ms, patterns: [] },
  ];
  const target = targetFromEnv(env);
  const recorder = endpointRecorder(endpoints);
  // k6 cannot make one scenario wait for another: changes start after the joins' nominal time plus
  // 3 s for the server to set the subscriptions up, and every socket stays open until the last
  // change has had its grace to arrive.
  const changesStartMs = Math.ceil((knobs.subscribers / knobs.joinRate) * 1000) + 3000;
  const holdMs = changesStartMs + knobs.durationMs + knobs.graceMs;
  const wsUrl = `${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${encodeURIComponent(target.anonKey)}&vsn=2.0.0`;
  return {
    options: {
      scenarios: {
        subscribers: { executor: 'per-vu-iterations', exec: 'subscribers', vus: knobs.subscribers, iterations: 1, maxDuration: `${Math.ceil(holdMs / 1000) + 30}s` },
        changes: { executor: 'constant-arrival-rate', exec: 'changes', rate: Math.max(1, Math.round(knobs.changeRate)), timeUnit: '1s', duration: `${Math.round(knobs.durationMs)}ms`, preAllocatedVUs: 5, maxVUs: 50, startTime: `${changesStartMs}ms` },
      },
      thresholds: budgetThresholds(endpoints, budgets),
      summaryTrendStats: SUMMARY_TREND_STATS,
    } as Options,
    setup: () => scriptSetup(target, env),
    subscribers: (data) =>
      new Promise<void>((resolve) => {
        // Every socket is the first GOM's dashboard: the events are its own, so RLS lets them through.
        const gom = data.goms[0]!;
        const ws = new WebSocket(wsUrl);
        ws.binaryType = 'arraybuffer';
        const topic = 'realtime:gomflow-k6-fanout';
        let joinSent = 0;
        let joined = false;
        let ref = 1;
        const heartbeat = setInterval(() => ws.send(JSON.stringify([null, String(++ref), 'phoenix', 'heartbeat', {}])), 25_000);
        ws.onopen = () => {
          joinSent = Date.now();
          const config = { broadcast: { self: false, ack: false }, presence: { key: '' }, postgres_changes: [{ event: 'INSERT', schema: 'public', table: TABLE, filter: `user_id=eq.${gom.id}` }] };
          ws.send(JSON.stringify(['1', '1', topic, 'phx_join', { config, access_token: gom.token }]));
        };
        ws.onmessage = (event) => {
          if (typeof event?.data !== 'string') return; // binary user broadcasts (kind 4): none on this channel
          const [, msgRef, , name, payload] = JSON.parse(event.data) as [string | null, string | null, string, string, Record<string, any>];
          if (name === 'phx_reply' && msgRef === '1') {
            joined = payload.status === 'ok';
            check(payload, { 'phx_join answered ok': () => joined });
            recorder.record(JOIN, Date.now() - joinSent, joined);
          } else if (name === 'postgres_changes') {
            const record = payload.data?.record as { event_data?: { gomflow_run?: string } } | undefined;
            if (record?.event_data?.gomflow_run !== data.runTag) return;
            recorder.record(CHANGE, Math.max(0, Date.now() - Date.parse(payload.data.commit_timestamp)), true);
          }
        };
        setTimeout(() => {
          clearInterval(heartbeat);
          if (joined) ws.send(JSON.stringify(['1', String(++ref), topic, 'phx_leave', {}]));
          ws.close();
          resolve();
        }, holdMs);
      }),
    changes: async (data) => {
      const shape = WRITE_SHAPES['analytics-event'][0]!;
      const order = data.orders[0]!;
      const request = fillRestRequest(shape, { id: uuid(), user_id: data.goms[0]!.id, order_id: order.id, country: 'PH', currency: 'PHP', session_id: data.runTag });
      const body = { ...(JSON.parse(request.body!) as Record<string, unknown>), event_data: { gomflow_run: data.runTag } };
      const res = await http.asyncRequest(request.method, `${target.url}${request.path}`, JSON.stringify(body), { headers: { ...authHeaders(target, 'service_role'), ...request.headers }, tags: { endpoint: INSERT } });
      const ok = res.status >= 200 && res.status < 300;
      check(res, { [`${INSERT} answered 2xx`]: () => ok });
      recorder.record(INSERT, res.timings.duration, ok);
    },
    teardown: (data) => {
      http.del(`${target.url}/rest/v1/${TABLE}?session_id=eq.${encodeURIComponent(data.runTag)}`, null, { headers: { ...authHeaders(target, 'service_role'), Prefer: 'return=minimal' }, tags: { endpoint: 'teardown' } });
    },
    handleSummary: (data) => summaryOutput(data, 'realtime-fanout', endpoints, budgets, env),
  };
}

/** A random UUID v4 (no crypto.randomUUID in k6's runtime before v1; ids need only be unique). */
function uuid(): string {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
