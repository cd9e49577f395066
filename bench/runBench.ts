import type pg from 'pg';
import { isConnectionLost } from '../stack/connectionLost.ts';
import type { PlanThresholds } from '../core/config/configSchema.ts';
import type { QueryFinding, QueryResult } from '../results/resultsModel.ts';
import type { RequestScope } from '../stack/requestContext.ts';
import { measureTask, type BenchTask, type TaskMeasurement, type TaskSettings } from './measureTask.ts';
import type { CatalogQuery } from './catalogQuery.ts';
import { planRelations } from './readPlan.ts';
import { ParamSampler } from './sampleParams.ts';
import { snapshotStatements, statementsResult } from './statStatements.ts';
import { toQueryResult, unmeasuredResult, type BudgetDefaults } from './toQueryResult.ts';
import { functionRelations, isAffected, resolveTargets, withWhatIf, type WhatIf } from './whatIf.ts';

/** Suffix of the queries-section entries measured with the what-if applied. */
export const WHAT_IF_SUFFIX = ' (what-if)';

/** What the engine tells its caller as it goes; it never prints. */
export interface BenchEvents {
  /** A task is about to run; `index` counts from 0 over `total` tasks of the current phase. */
  taskStart?: (task: BenchTask, index: number, total: number, phase: 'before' | 'what-if') => void;
  taskDone?: (result: QueryResult, index: number, total: number, phase: 'before' | 'what-if') => void;
}

export interface BenchOptions {
  settings: TaskSettings;
  budgets: BudgetDefaults;
  thresholds: PlanThresholds;
  /** pg_stat_statements entries to keep; 0 leaves the summary out. */
  topStatements: number;
  whatIf?: WhatIf;
  events?: BenchEvents;
  /** Stops between two tasks (Ctrl-C); what was measured so far has been told through events. */
  signal?: AbortSignal;
}

/** One measured task: its result and the raw measurement behind it. */
export interface BenchEntry {
  result: QueryResult;
  measurement?: TaskMeasurement;
}

export interface BenchOutcome {
  /** The queries section: every query × role × class, then the what-if entries, then the pg_stat_statements summary. */
  results: QueryResult[];
  /** Before and after, per affected task, when a what-if ran. */
  pairs: { before: QueryResult; after: QueryResult }[];
}

/**
 * Benchmarks catalog queries on one connection: samples parameters, measures every
 * query × role × class (as PostgREST would run each request), optionally re-measures the
 * queries a what-if touches with the fix applied in a rolled-back transaction, and summarises
 * pg_stat_statements between a snapshot before and after.
 */
export async function runBench(client: pg.Client, queries: readonly CatalogQuery[], options: BenchOptions): Promise<BenchOutcome> {
  // Each request is its own rolled-back transaction, as PostgREST runs it; inside the what-if's
  // transaction, a rolled-back savepoint instead, so the fix stays applied between requests.
  // Try the fix once before measuring anything, so a statement the server rejects fails fast.
  if (options.whatIf) await withWhatIf(client, options.whatIf, async () => undefined);
  const sampler = new ParamSampler(client);
  const planned = await planTasks(sampler, queries, options.budgets);
  const before = options.topStatements > 0 ? await snapshotStatements(client) : undefined;
  const measured = await measureAll(client, planned, options, { scope: 'transaction' }, 'before');
  const pairs: BenchOutcome['pairs'] = [];
  if (options.whatIf) {
    const whatIf = options.whatIf;
    const targets = await resolveTargets(client, whatIf);
    const functions = await functionRelations(client);
    const affected = planned.filter((entry) => 'task' in entry && isAffected(targets, entry.task.query.sql, measuredPlanNames(measured, entry.task), functions));
    const after = await withWhatIf(client, whatIf, () => measureAll(client, affected, options, { scope: 'savepoint' }, 'what-if'));
    for (const entry of after) {
      const original = measured.find((candidate) => sameTask(candidate.result, entry.result));
      if (!original) continue;
      entry.result = { ...entry.result, name: `${entry.result.name}${WHAT_IF_SUFFIX}`, findings: [comparisonFinding(original.result, entry.result, whatIf.file), ...entry.result.findings] };
      pairs.push({ before: original.result, after: entry.result });
    }
  }
  const results = [...measured.map((entry) => entry.result), ...pairs.map((pair) => pair.after)];
  if (before) {
    const after = await snapshotStatements(client);
    const names = new Map<string, string>();
    for (const entry of measured) if (entry.measurement?.queryId) names.set(entry.measurement.queryId, entry.result.name);
    results.push(statementsResult({ before, after }, options.topStatements, names, { p95Ms: options.budgets.queryP95Ms, maxMs: options.budgets.queryMaxMs }));
  }
  return { results, pairs };
}

type PlannedTask = { task: BenchTask } | { result: QueryResult };

/** Every query × role × class in catalog order, or the result saying why one cannot run. */
async function planTasks(sampler: ParamSampler, queries: readonly CatalogQuery[], budgets: BudgetDefaults): Promise<PlannedTask[]> {
  const planned: PlannedTask[] = [];
  for (const query of queries) {
    const budget = { p95Ms: query.budget.p95Ms ?? budgets.queryP95Ms, maxMs: query.budget.maxMs ?? budgets.queryMaxMs };
    let sets;
    try {
      sets = await sampler.sample(query);
    } catch (error) {
      if (isConnectionLost(error)) throw error;
      for (const role of query.roles) {
        const result = unmeasuredResult(query.name, role, query.params.length ? 'typical' : 'fixed', `sampling its parameters failed: ${(error as Error).message}`, budget);
        planned.push({ result: { ...result, status: 'fail', findings: [{ kind: 'error', detail: result.findings[0]!.detail }] } });
      }
      continue;
    }
    for (const role of query.roles) {
      for (const set of sets) {
        if (set.rows.length === 0) planned.push({ result: unmeasuredResult(query.name, role, set.paramClass, set.missing ?? 'no parameters', budget) });
        else planned.push({ task: { query, role, paramClass: set.paramClass, rows: set.rows, defaultSub: await sampler.buyerSub() } });
      }
    }
  }
  return planned;
}

async function measureAll(client: pg.Client, planned: readonly PlannedTask[], options: BenchOptions, scope: RequestScope, phase: 'before' | 'what-if'): Promise<BenchEntry[]> {
  const entries: BenchEntry[] = [];
  const total = planned.length;
  for (const [index, item] of planned.entries()) {
    if (!('task' in item)) {
      entries.push({ result: item.result });
      options.events?.taskDone?.(item.result, index, total, phase);
      continue;
    }
    options.signal?.throwIfAborted();
    options.events?.taskStart?.(item.task, index, total, phase);
    const measurement = await measureTask(client, item.task, options.settings, scope);
    const result = toQueryResult(measurement, options.budgets, options.thresholds);
    entries.push({ result, measurement });
    options.events?.taskDone?.(result, index, total, phase);
  }
  // Ctrl-C during the last task: the run is still cut short, with every task measured so far.
  options.signal?.throwIfAborted();
  return entries;
}

function measuredPlanNames(measured: readonly BenchEntry[], task: BenchTask): string[] {
  const entry = measured.find((candidate) => candidate.measurement?.task === task);
  if (!entry?.measurement) return [];
  return [...entry.measurement.explains.map((run) => run.plan), ...entry.measurement.nestedPlans.map((nested) => nested.plan)].flatMap(planRelations);
}

function sameTask(a: QueryResult, b: QueryResult): boolean {
  return a.name === b.name && a.role === b.role && a.paramClass === b.paramClass;
}

/** The before/after numbers, first among a what-if entry's findings. */
export function comparisonFinding(before: QueryResult, after: QueryResult, file: string): QueryFinding {
  const change = (from: number, to: number) => (from > 0 ? ` (${to >= from ? '+' : '−'}${Math.abs((100 * (to - from)) / from).toFixed(0)} %)` : '');
  const exec =
    before.executionMs !== undefined && after.executionMs !== undefined
      ? `; EXPLAIN execution ${before.executionMs.toFixed(2)} → ${after.executionMs.toFixed(2)} ms${change(before.executionMs, after.executionMs)}`
      : '';
  return {
    kind: 'whatIf',
    detail: `with ${file} applied: p95 ${before.latency.p95Ms.toFixed(2)} → ${after.latency.p95Ms.toFixed(2)} ms${change(before.latency.p95Ms, after.latency.p95Ms)}${exec}; ${before.status} → ${after.status}`,
    numbers: {
      beforeP95Ms: before.latency.p95Ms,
      afterP95Ms: after.latency.p95Ms,
      beforeMaxMs: before.latency.maxMs,
      afterMaxMs: after.latency.maxMs,
      ...(before.executionMs !== undefined ? { beforeExecutionMs: before.executionMs } : {}),
      ...(after.executionMs !== undefined ? { afterExecutionMs: after.executionMs } : {}),
    },
  };
}
