import { check } from 'k6';
import http from 'k6/http';
import { journeyPicker } from '../../engine/journey.ts';
import { fillRestRequest } from '../../workloads/fillRestRequest.ts';
import { endpointOf, READ_SHAPES } from '../../workloads/restShapes.ts';
import type { ReadJourney, WorkloadJourney } from '../../workloads/workload.ts';
import type { EndpointRecorder } from './endpointRecorder.ts';
import { authHeaders, type K6Target } from './k6Target.ts';
import { mathRandom } from './mathRandom.ts';
import { readCall } from './readParams.ts';
import type { ReadSetup } from './readSetup.ts';

/**
 * The read journeys of a workload, weights as the Node engine uses them. Writes stay with the
 * Node engine: it tags their rows with a run id and removes them through the database, which a
 * k6 runner cannot reach, so a k6 run would leave its submissions behind on staging.
 */
export function readJourneys(journeys: readonly WorkloadJourney[]): ReadJourney[] {
  return journeys.filter((journey): journey is ReadJourney => journey.kind === 'read' && journey.name in READ_SHAPES);
}

/** One iteration: a journey picked by weight, its request sent as the app sends it, timed, checked and counted. */
export function readIteration(journeys: readonly ReadJourney[], target: K6Target, recorder: EndpointRecorder): (data: ReadSetup) => Promise<void> {
  const pick = journeyPicker(journeys, mathRandom);
  return async (data) => {
    const journey = pick() as ReadJourney;
    const shape = READ_SHAPES[journey.name]!;
    const call = readCall(journey, data, mathRandom);
    const request = fillRestRequest(shape, call.params);
    const endpoint = endpointOf(shape);
    const res = await http.asyncRequest(request.method, `${target.url}${request.path}`, request.body ?? null, {
      headers: { ...authHeaders(target, call.token), ...request.headers },
      tags: { endpoint, journey: journey.name },
    });
    const ok = res.status >= 200 && res.status < 300;
    check(res, { [`${journey.name} answered 2xx`]: () => ok });
    recorder.record(endpoint, res.timings.duration, ok);
  };
}
