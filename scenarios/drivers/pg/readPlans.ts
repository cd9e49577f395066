import type pg from 'pg';
import type { CatalogQuery } from '../../../bench/catalogQuery.ts';
import { ParamSampler, type SampleRow } from '../../../bench/sampleParams.ts';
import type { Random } from '../../../generators/random.ts';
import type { RequestContext } from '../../../stack/requestContext.ts';
import type { ReadJourney } from '../../workloads/workload.ts';

/** A read journey ready to run: its catalog statement and the parameters sampled from the seeded data. */
export interface ReadPlan {
  query: CatalogQuery;
  journey: ReadJourney;
  hot: SampleRow[];
  typical: SampleRow[];
  buyerSub: string;
}

/**
 * Samples every read journey's parameters once, before the load starts (the bench's own
 * samplers: hot rows are the top 1 %, typical ones near the median). A journey whose query is
 * not in the catalog, or whose samplers find no rows, is returned in `missing` with the reason.
 */
export async function planReads(client: pg.Client, catalog: readonly CatalogQuery[], journeys: readonly ReadJourney[]): Promise<{ plans: Map<string, ReadPlan>; missing: string[] }> {
  const sampler = new ParamSampler(client);
  const plans = new Map<string, ReadPlan>();
  const missing: string[] = [];
  const buyerSub = await sampler.buyerSub();
  for (const journey of journeys) {
    const query = catalog.find((candidate) => candidate.name === journey.query);
    if (!query) {
      missing.push(`${journey.name}: no catalog query ${journey.query}`);
      continue;
    }
    const sets = await sampler.sample(query);
    const rowsOf = (paramClass: string) => sets.find((set) => set.paramClass === paramClass)?.rows ?? [];
    const fixed = rowsOf('fixed');
    const hot = fixed.length > 0 ? fixed : rowsOf('hot');
    const typical = fixed.length > 0 ? fixed : rowsOf('typical');
    if (hot.length === 0 && typical.length === 0) {
      missing.push(`${journey.name}: ${sets.map((set) => set.missing).filter(Boolean).join('; ') || 'no parameters'}`);
      continue;
    }
    plans.set(journey.name, { query, journey, hot: hot.length > 0 ? hot : typical, typical: typical.length > 0 ? typical : hot, buyerSub });
  }
  return { plans, missing };
}

/** One execution's parameters and persona: hot rows `hotShare` of the time. */
export function pickRead(plan: ReadPlan, random: Random): { values: unknown[]; context: RequestContext } {
  const row = random.pick(random.chance(plan.journey.hotShare) ? plan.hot : plan.typical);
  const role = plan.journey.role;
  const sub = role === 'authenticated' ? (row.sub ?? plan.buyerSub) : undefined;
  return { values: row.values, context: { role, ...(sub ? { sub } : {}), method: 'GET', path: `/rest/v1/${plan.query.name}` } };
}
