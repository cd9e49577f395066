import { check } from 'k6';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { journeyPicker } from '../../engine/journey.ts';
import type { StorageJourney } from '../../workloads/workload.ts';
import { endpointRecorder } from './endpointRecorder.ts';
import { scriptBudgets } from './k6Budgets.ts';
import { planScenarioOptions, type K6Plan } from './k6Options.ts';
import { authHeaders, targetFromEnv } from './k6Target.ts';
import { budgetThresholds } from './k6Thresholds.ts';
import { mathRandom } from './mathRandom.ts';
import { scriptSetup, type ScriptSetup } from './readSetup.ts';
import type { K6Script } from './k6Script.ts';
import type { K6Endpoint } from './scenarioEndpoints.ts';
import { SUMMARY_TREND_STATS, summaryOutput } from './summaryOutput.ts';

const BUCKET = 'payment-proofs';
const UPLOAD = `POST storage ${BUCKET}`;
const DOWNLOAD = `GET storage ${BUCKET}`;

export interface UploadScript extends K6Script {
  uploads: (data: ScriptSetup) => Promise<void>;
  teardown: (data: ScriptSetup) => void;
}

/**
 * The uploads plan's proof uploads and GOM verifications through /storage/v1, with `proof`
 * (bytes open()ed in the init context) as the body, at the app's path
 * (`payment-proofs/{orderId}/payment-proof-…`). Signed-in GOMs stand in for buyers (the
 * production policy lets any authenticated user upload); the isolation pass stays with the
 * Node Storage driver. teardown() removes this run's objects.
 */
export function uploadScript(plan: K6Plan, env: Readonly<Record<string, string | undefined>>, proof: ArrayBuffer): UploadScript {
  const budgets = scriptBudgets(env);
  const journeys = plan.journeys.filter((journey): journey is StorageJourney => journey.kind === 'storage' && journey.action !== 'isolation');
  const budgetOf = (action: StorageJourney['action']) => journeys.find((journey) => journey.action === action)?.budgetP95Ms ?? budgets.queryP95Ms;
  const endpoints: K6Endpoint[] = [
    { name: DOWNLOAD, budgetP95Ms: budgetOf('verify'), patterns: [] },
    { name: UPLOAD, budgetP95Ms: budgetOf('upload'), patterns: ['ST1'] },
  ];
  const target = targetFromEnv(env);
  const recorder = endpointRecorder(endpoints);
  const pick = journeyPicker(journeys, mathRandom);
  // What this VU uploaded: a GOM verifies a proof that exists (each VU is its own runtime).
  const uploaded: { name: string; token: string }[] = [];
  const send = async (endpoint: string, method: string, path: string, body: ArrayBuffer | null, headers: Record<string, string>) => {
    const res = await http.asyncRequest(method, `${target.url}/storage/v1/object${path}`, body, { headers, tags: { endpoint } });
    const ok = res.status >= 200 && res.status < 300;
    check(res, { [`${endpoint} answered 2xx`]: () => ok });
    recorder.record(endpoint, res.timings.duration, ok);
  };
  return {
    options: {
      scenarios: { [plan.name]: planScenarioOptions(plan, 'uploads') },
      thresholds: budgetThresholds(endpoints, budgets),
      summaryTrendStats: SUMMARY_TREND_STATS,
    } as Options,
    setup: () => scriptSetup(target, env),
    uploads: async (data) => {
      const journey = pick() as StorageJourney;
      const last = uploaded[uploaded.length - 1];
      if (journey.action === 'verify' && last) {
        return send(DOWNLOAD, 'GET', `/authenticated/${BUCKET}/${last.name}`, null, authHeaders(target, last.token));
      }
      const order = mathRandom.pick(data.orders);
      const gom = mathRandom.pick(data.goms);
      const name = `${BUCKET}/${order.id}/payment-proof-${data.runTag}-${Math.random().toString(36).slice(2, 10)}.jpg`;
      await send(UPLOAD, 'POST', `/${BUCKET}/${name}`, proof, { ...authHeaders(target, gom.token), 'Content-Type': 'image/jpeg', 'x-upsert': 'false' });
      uploaded.push({ name, token: gom.token });
    },
    teardown: (data) => {
      const service = { ...authHeaders(target, 'service_role'), 'Content-Type': 'application/json' };
      for (const order of data.orders) {
        const prefix = `${BUCKET}/${order.id}/`;
        const res = http.post(`${target.url}/storage/v1/object/list/${BUCKET}`, JSON.stringify({ prefix, search: `payment-proof-${data.runTag}`, limit: 1000 }), { headers: service, tags: { endpoint: 'teardown' } });
        const names = (JSON.parse(String(res.body)) as { name: string; id: string | null }[]).filter((entry) => entry.id !== null).map((entry) => `${prefix}${entry.name}`);
        if (names.length > 0) http.del(`${target.url}/storage/v1/object/${BUCKET}`, JSON.stringify({ prefixes: names }), { headers: service, tags: { endpoint: 'teardown' } });
      }
    },
    handleSummary: (data) => summaryOutput(data, plan.name, endpoints, budgets, env),
  };
}
