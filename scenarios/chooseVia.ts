import { GomflowError } from '../core/errors.ts';
import type { Target } from '../stack/target.ts';
import { hasRestEndpoint } from './drivers/rest/restEndpoint.ts';
import type { ScenarioName } from './workloads/namedScenarios.ts';

export const VIAS = ['rest', 'pg'] as const;
export type Via = (typeof VIAS)[number];

/** The scenarios with a REST form: the launch mix's user traffic. connections and bulk are about the database's own connections and jobs. */
export const REST_SCENARIOS: readonly ScenarioName[] = ['smoke', 'launch-drop', 'capacity', 'soak'];

/** Scenarios that speak Supabase's HTTP APIs only (uploads: /storage/v1): there is no pg form to fall back to. */
export const HTTP_ONLY_SCENARIOS: readonly ScenarioName[] = ['uploads'];

/**
 * How a scenario reaches the database: what was asked, else REST wherever the target has a
 * REST endpoint and the scenario a REST form (GOMFLOW's traffic is PostgREST traffic), else pg.
 */
export function chooseVia(requested: Via | undefined, scenario: ScenarioName, target: Target): Via {
  if (HTTP_ONLY_SCENARIOS.includes(scenario)) {
    if (requested === 'pg') throw new GomflowError('E_USAGE', `the ${scenario} scenario runs through Supabase's HTTP API only; leave out --via pg`);
    if (!hasRestEndpoint(target)) throw new GomflowError('E_USAGE', `the ${scenario} scenario needs a Storage endpoint; target ${target.kind} has none: use --target local or supabase`);
    return 'rest';
  }
  const restForm = REST_SCENARIOS.includes(scenario);
  if (requested === 'rest') {
    if (!restForm) throw new GomflowError('E_USAGE', `the ${scenario} scenario runs through the pg driver only; leave out --via rest (REST runs: ${REST_SCENARIOS.join(', ')})`);
    if (!hasRestEndpoint(target)) throw new GomflowError('E_USAGE', `target ${target.kind} has no REST endpoint; use --via pg, or --target local or supabase`);
    return 'rest';
  }
  if (requested === 'pg') return 'pg';
  return restForm && hasRestEndpoint(target) ? 'rest' : 'pg';
}
