import type pg from 'pg';
import type { ConfiguredCheckLevel, TargetKind } from '../core/config/configSchema.ts';
import type { CheckResult } from '../results/resultsModel.ts';
import { ALL_CHECKS } from './allChecks.ts';
import { resolveLevels } from './checkLevels.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from './checkTypes.ts';
import { splinterTag } from './splinter/splinterLints.ts';

export interface RunChecksOptions {
  targetKind: TargetKind;
  /** The target's host is not this machine. */
  remote: boolean;
  /** Configured levels by check id (checks.levels). */
  levels?: Record<string, ConfiguredCheckLevel>;
  /** Allowed superusers; default ['supabase_admin'] on supabase, ['postgres'] elsewhere. */
  superusers?: readonly string[];
  maxFileSizeBytes?: number;
  /** Schemas the API exposes (PostgREST's db-schemas); default ['public']. */
  apiSchemas?: readonly string[];
  budgets: { maxConnections: number; idleTimeoutMs: number; statementTimeoutMs: number };
  /** Only these ids (tests, re-running one check after a fix). */
  only?: readonly string[];
  /** Called after each check, for progress on stderr. */
  onCheck?: (result: CheckResult, ms: number) => void;
  checks?: readonly CheckDefinition[];
}

/**
 * Runs the checks one after another on one connection and returns them as results.json's
 * checks section. Checks only read; the probes write inside transactions that are always
 * rolled back. A check that throws is reported as failed with the error, never skipped silently.
 */
export async function runChecks(client: pg.Client, options: RunChecksOptions): Promise<CheckResult[]> {
  const all = options.checks ?? ALL_CHECKS;
  const levels = resolveLevels(all, options.levels ?? {});
  const selected = options.only ? all.filter((c) => options.only!.includes(c.id)) : all;
  const cache = new Map<string, Promise<unknown>>();
  const ctx: CheckContext = {
    client,
    targetKind: options.targetKind,
    remote: options.remote,
    superusers: options.superusers ?? (options.targetKind === 'supabase' ? ['supabase_admin'] : ['postgres']),
    maxFileSizeBytes: options.maxFileSizeBytes ?? 52_428_800,
    apiSchemas: options.apiSchemas ?? ['public'],
    budgets: options.budgets,
    memo: <T>(key: string, load: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as Promise<T>;
    },
  };
  const results: CheckResult[] = [];
  for (const check of selected) {
    const level = levels.get(check.id)!;
    const started = performance.now();
    const outcome = level === 'off' ? { status: 'skip' as const, detail: 'off in gomflow.config.ts (checks.levels)', evidence: [] } : await runOne(check, ctx);
    const result = toResult(check, level === 'off' ? check.defaultLevel : level, outcome);
    results.push(result);
    options.onCheck?.(result, performance.now() - started);
  }
  return results;
}

async function runOne(check: CheckDefinition, ctx: CheckContext): Promise<CheckOutcome> {
  try {
    return await check.run(ctx);
  } catch (error) {
    // A probe that died mid-transaction must not leave it open for the next check.
    await ctx.client.query('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'finding', detail: `the check itself failed: ${message}`, evidence: [{ error: message }] };
  }
}

/** A finding takes the check's level as its status; an advisory never more than warn. */
function toResult(check: CheckDefinition, level: 'fail' | 'warn', outcome: CheckOutcome): CheckResult {
  const status = outcome.status === 'finding' ? level : outcome.status === 'advisory' ? 'warn' : outcome.status;
  return {
    id: check.id,
    title: check.title,
    checklistSection: check.checklistSection,
    status,
    level,
    detail: outcome.detail,
    evidence: outcome.evidence,
    ...(outcome.remediationSql ? { remediationSql: outcome.remediationSql } : {}),
    ...(check.splinter?.lints.length ? { splinter: check.splinter.lints.map(splinterTag) } : {}),
    ...(check.splinter?.beyond ? { beyondSplinter: check.splinter.beyond } : {}),
  };
}
