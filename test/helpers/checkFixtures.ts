import type pg from 'pg';
import { runChecks, type RunChecksOptions } from '../../checks/runChecks.ts';
import type { CheckResult } from '../../results/resultsModel.ts';
import { insertGom, insertOrder, insertSubmission } from '../fixtures/sampleRows.ts';
import { tableFingerprints } from './seedFingerprint.ts';

/** Two GOMs with orders (one inactive) and submissions: what the probes find as GOM A and GOM B. */
export async function insertSampleData(client: pg.Client): Promise<{ gomA: string; gomB: string }> {
  const gomA = await insertGom(client, 'gom_a');
  const gomB = await insertGom(client, 'gom_b', 'MY');
  const orderA = await insertOrder(client, gomA);
  await insertOrder(client, gomA);
  const orderB = await insertOrder(client, gomB, { price: 180 });
  await insertOrder(client, gomB, { active: false });
  await insertSubmission(client, orderA, { status: 'paid', quantity: 2, amount: 3600 });
  await insertSubmission(client, orderB, { status: 'pending', quantity: 1, amount: 180 });
  return { gomA, gomB };
}

export const CHECK_OPTIONS: RunChecksOptions = {
  targetKind: 'local',
  remote: false,
  budgets: { maxConnections: 100, idleTimeoutMs: 10_000, statementTimeoutMs: 30_000 },
};

export function check(client: pg.Client, only?: string[]): Promise<CheckResult[]> {
  return runChecks(client, { ...CHECK_OPTIONS, ...(only ? { only } : {}) });
}

export async function one(client: pg.Client, id: string): Promise<CheckResult> {
  const [result] = await check(client, [id]);
  return result!;
}

// Definitions a probe could touch and must leave as they were: policies, view options, grants, function settings.
const CATALOG_SQL = `
SELECT md5(json_build_object(
  'policies', (SELECT json_agg(format('%s %s %s %s %s', polrelid::regclass, polname, polroles, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)) ORDER BY 1) FROM pg_policy),
  'relations', (SELECT json_agg(format('%s %s %s %s', c.oid::regclass, c.reloptions, c.relacl, c.relrowsecurity) ORDER BY 1) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'storage', 'auth')),
  'functions', (SELECT json_agg(format('%s %s %s', p.oid::regprocedure, p.proacl, p.proconfig) ORDER BY 1) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'),
  'roles', (SELECT json_agg(format('%s %s %s', rolname, rolsuper, rolbypassrls) ORDER BY 1) FROM pg_roles)
)::text) AS catalog`;

/** One hash per table of public, storage, auth and the harness schema, plus one over the catalog definitions. */
export async function fingerprint(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'storage', 'auth', 'gomflow_loadtest') AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const tables = await tableFingerprints(client, rows.map((r) => r.name));
  const catalog = await client.query<{ catalog: string }>(CATALOG_SQL);
  return { ...tables, catalog: catalog.rows[0]!.catalog };
}

/** How a remediation went in a fresh database: the check's status after, and checks that newly fail or stop passing. */
export interface RemediationOutcome {
  status: CheckResult['status'];
  newlyFailing: string[];
  noLongerPassing: string[];
}

/**
 * Applies the remediation SQL a baseline run gave for `id` to a fresh clone with the same kind of
 * sample data, runs every check again, and compares with the baseline.
 */
export async function applyRemediation(baseline: readonly CheckResult[], id: string, createDatabase: () => Promise<{ client: pg.Client; drop: () => Promise<void> }>): Promise<RemediationOutcome> {
  const finding = baseline.find((r) => r.id === id)!;
  if (!finding.remediationSql) throw new Error(`${id} has no remediation SQL`);
  const db = await createDatabase();
  try {
    await insertSampleData(db.client);
    await db.client.query(finding.remediationSql);
    const after = await check(db.client);
    const before = new Map(baseline.map((r) => [r.id, r.status]));
    return {
      status: after.find((r) => r.id === id)!.status,
      newlyFailing: after.filter((r) => r.status === 'fail' && before.get(r.id) !== 'fail').map((r) => `${r.id}: ${r.detail}`),
      noLongerPassing: after.filter((r) => r.status !== 'pass' && before.get(r.id) === 'pass').map((r) => `${r.id}: ${r.detail}`),
    };
  } finally {
    await db.drop();
  }
}
