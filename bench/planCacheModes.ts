import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PlanThresholds } from '../core/config/configSchema.ts';
import type { QueryFinding } from '../results/resultsModel.ts';
import { round3, scanLabels } from './planNode.ts';

/** The same statement as a prepared statement under each plan_cache_mode. */
export interface PlanCacheModes {
  /** Median client-side time of the executions with a custom plan (planned for the values), ms. */
  customMs: number;
  /** Median with the generic plan (planned once for any value), ms. */
  genericMs: number;
  /** The generic plan's shape (EXPLAIN GENERIC_PLAN, no timings), where the server has it (16+). */
  genericPlan?: unknown;
}

/** Executions per mode: the median of five is steady enough to tell a 2× gap. */
const RUNS = 5;

/**
 * Runs the statement as a named prepared statement — as PostgREST and node-postgres's named
 * queries do — RUNS times with `plan_cache_mode = force_custom_plan` and RUNS times with
 * `force_generic_plan` (set locally, inside the caller's request), and explains the generic plan. The benchmark's own timings use unnamed statements, whose plans are
 * always custom: this is what a server does from the sixth execution on.
 */
export async function measurePlanCacheModes(client: pg.Client, text: string, values: readonly unknown[]): Promise<PlanCacheModes> {
  const name = `gomflow_modes_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const medians: number[] = [];
  for (const mode of ['force_custom_plan', 'force_generic_plan']) {
    await client.query(`SELECT set_config('plan_cache_mode', $1, true)`, [mode]);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await client.query({ name, text, values: values as unknown[] });
      times.push(performance.now() - started);
    }
    medians.push(median(times));
  }
  let genericPlan: unknown;
  try {
    // EXPLAIN EXECUTE cannot take its arguments as parameters, and values never become SQL text:
    // the generic plan's shape comes from EXPLAIN (GENERIC_PLAN) (PostgreSQL 16+), without timings.
    await client.query('SAVEPOINT gomflow_modes');
    const explained = await client.query(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${text}`);
    genericPlan = (explained.rows[0] as Record<string, unknown>)['QUERY PLAN'];
    await client.query('RELEASE SAVEPOINT gomflow_modes');
  } catch {
    // An older server: the timings stand without the plan.
    await client.query('ROLLBACK TO SAVEPOINT gomflow_modes').catch(() => undefined);
  }
  return { customMs: round3(medians[0]!), genericMs: round3(medians[1]!), ...(genericPlan !== undefined ? { genericPlan } : {}) };
}

/** A `genericPlanSlower` finding when the generic plan is the thresholds' factor and gap slower than the custom one; naming the scans that changed. Pure. */
export function genericPlanFinding(modes: PlanCacheModes, customPlan: unknown, t: PlanThresholds): QueryFinding | undefined {
  const ratio = modes.genericMs / Math.max(modes.customMs, 0.001);
  if (ratio < t.genericPlanFactor || modes.genericMs - modes.customMs < t.genericPlanMinGapMs) return undefined;
  const custom = scanLabels(customPlan);
  const generic = scanLabels(modes.genericPlan);
  const changed = generic.length > 0 && custom.join() !== generic.join() ? `; plan changed: ${custom.join(', ') || '?'} → ${generic.join(', ')}` : '';
  return {
    kind: 'genericPlanSlower',
    ...(generic.length > 0 ? { node: generic[0] } : {}),
    detail:
      `the generic plan takes ${modes.genericMs.toFixed(2)} ms against ${modes.customMs.toFixed(2)} ms custom (${ratio.toFixed(1)}×)${changed}: ` +
      'prepared statements and PostgREST switch to it after five executions — fast in testing, slow in production (plan_cache_mode = force_custom_plan for this statement, or a skew-proof index)',
    numbers: { customMs: modes.customMs, genericMs: modes.genericMs, ratio: round3(ratio) },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
