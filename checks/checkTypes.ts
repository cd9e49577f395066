import type pg from 'pg';
import type { TargetKind } from '../core/config/configSchema.ts';
import type { SplinterNumber } from './splinter/splinterLints.ts';

/** Severity of a check that does not pass: 'fail' gates the exit code, 'warn' does not. */
export type CheckLevel = 'fail' | 'warn';

/** One row of evidence: the offending object, setting or probe, with what was seen. */
export type Evidence = Record<string, unknown>;

/**
 * What a check found, before its level is applied. 'finding' becomes fail or warn by the
 * check's configured level; 'advisory' is worth knowing but never more than a warning (the
 * checklist's own claims against reality, say).
 */
export interface CheckOutcome {
  status: 'pass' | 'finding' | 'advisory' | 'skip';
  detail: string;
  evidence: Evidence[];
  /** SQL that fixes every finding of the check, one statement per evidence row where possible. */
  remediationSql?: string;
}

/** Everything a check may read; checks share catalog reads through `memo`. */
export interface CheckContext {
  client: pg.Client;
  targetKind: TargetKind;
  /** The target is not on this machine (SSL matters). */
  remote: boolean;
  /** Roles allowed to be superuser. */
  superusers: readonly string[];
  /** Largest acceptable bucket file_size_limit, bytes. */
  maxFileSizeBytes: number;
  /** Expected max_connections, idle-in-transaction timeout (ms) and statement timeout (ms). */
  budgets: { maxConnections: number; idleTimeoutMs: number; statementTimeoutMs: number };
  /** Schemas the API exposes (PostgREST's db-schemas): what "exposed" means to the lints. */
  apiSchemas: readonly string[];
  /** Runs `load` once per key and shares its result between checks. */
  memo: <T>(key: string, load: () => Promise<T>) => Promise<T>;
}

/** A check: a stable id (mapped to CHECKLIST.md by reports/checkCatalog.ts where one fits) and how to run it. */
export interface CheckDefinition {
  id: string;
  title: string;
  /** CHECKLIST.md section it verifies (or the closest one, for lints the checklist never names). */
  checklistSection: string;
  defaultLevel: CheckLevel;
  /** The splinter lints it corresponds to, and where it reports more than they do. */
  splinter?: { lints: readonly SplinterNumber[]; beyond?: string };
  run: (ctx: CheckContext) => Promise<CheckOutcome>;
}

export const pass = (detail: string, evidence: Evidence[] = []): CheckOutcome => ({ status: 'pass', detail, evidence });
export const skip = (detail: string, evidence: Evidence[] = []): CheckOutcome => ({ status: 'skip', detail, evidence });
export const finding = (detail: string, evidence: Evidence[], remediationSql?: string): CheckOutcome => ({
  status: 'finding',
  detail,
  evidence,
  ...(remediationSql ? { remediationSql } : {}),
});
export const advisory = (detail: string, evidence: Evidence[] = []): CheckOutcome => ({ status: 'advisory', detail, evidence });
