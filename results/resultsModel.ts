import { z } from 'zod';
import { describeIssue } from '../reports/describeIssue.ts';
import { count, isoDateTime, ms, percent } from './schemaPrimitives.ts';
import { HistogramSummarySchema } from './histogramSummarySchema.ts';
import { ScenarioResultSchema } from './scenarioModel.ts';
export { HistogramSummarySchema, type HistogramSummary } from './histogramSummarySchema.ts';
export * from './scenarioModel.ts';
export * from './queryFindingSchema.ts';
import { QueryFindingSchema } from './queryFindingSchema.ts';
import { DataVolumeSchema, ForecastSectionSchema } from './forecastModel.ts';
export * from './forecastModel.ts';

/** Version of the results model; bumped on any incompatible change to results.json. */
export const RESULTS_VERSION = 1;

/** Run id shape `YYYYMMDD-HHMMSS-<random>` (UTC): sortable by start time and safe as a folder name. */
export const RUN_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-z]{1,32}$/;

/** The database and stack the numbers were measured against, as recorded facts (stack/target.ts's Target is the live target they were read from). */
export const TargetFactsSchema = z.strictObject({
  /** Which kind of target ran the workload. */
  kind: z.enum(['local', 'postgres', 'supabase']),
  /** Host as shown in reports; the caller redacts it (no credentials) before it reaches the model. */
  host: z.string(),
  /** Database name. */
  database: z.string(),
  /** `server_version` as reported by the server. */
  serverVersion: z.string(),
  /** `server_version_num`, e.g. 170002. */
  serverVersionNum: count,
  /** Relevant server settings by name (max_connections, statement_timeout, wal_level …), as `SHOW` prints them. */
  settings: z.record(z.string(), z.string()),
  /** True when measured against the local Supabase-compatible stand-in, so reports can mark the numbers. */
  localStack: z.boolean(),
});
export type TargetFacts = z.infer<typeof TargetFactsSchema>;

/** Identity of one harness run. */
export const RunSchema = z.strictObject({
  /** Run id, see RUN_ID_PATTERN; also the run's folder name under out/. */
  id: z.string().regex(RUN_ID_PATTERN),
  /** When the run started, ISO 8601. */
  startedAt: isoDateTime,
  /** When the run finished, ISO 8601. */
  finishedAt: isoDateTime,
  /** CLI command that produced the run, e.g. "db up". */
  command: z.string().min(1),
  /** Harness package version. */
  harnessVersion: z.string().min(1),
  /** What was measured. */
  target: TargetFactsSchema,
  /** Scale preset name, when data was seeded or assumed. */
  scale: z.string().optional(),
  /** Seed of the data generators, when data was seeded. */
  seed: z.union([z.number(), z.string()]).optional(),
  /** Why the run stopped before its stages finished (target lost, Ctrl-C); the sections hold what was measured until then. */
  partial: z.string().optional(),
});
export type Run = z.infer<typeof RunSchema>;

/** Budget limits in force for the run. */
export const BudgetLimitsSchema = z.strictObject({
  /** Per catalog query: p95 must stay below this, ms. */
  queryP95Ms: ms,
  /** Any execution must stay below this, ms. */
  queryMaxMs: ms,
  /** Per scenario: error rate must stay below this, percent. */
  errorRatePct: percent,
  /** Peak connections must stay below this alert line. */
  peakConnections: count,
  /** Expected `max_connections`. */
  maxConnections: count,
  /** Expected idle (in transaction) session timeout, ms. */
  idleTimeoutMs: ms,
  /** Expected statement timeout, ms. */
  statementTimeoutMs: ms,
});
export type BudgetLimits = z.infer<typeof BudgetLimitsSchema>;

/** One budget checked against what was measured. */
export const BudgetEvaluationSchema = z.strictObject({
  /** Stable id, e.g. "query-p95:orders_by_user". */
  id: z.string().min(1),
  /** Human title. */
  title: z.string(),
  /** Limit the measurement is compared against, in `unit`. */
  threshold: z.number(),
  /** Measured value in `unit`; null when nothing was measured. */
  measured: z.number().nullable(),
  /** Unit of threshold and measured, e.g. "ms", "%", "connections". */
  unit: z.string(),
  /** Outcome; "skip" when the budget could not be measured. */
  status: z.enum(['pass', 'fail', 'skip']),
  /** Why it failed or was skipped. */
  detail: z.string().optional(),
});
export type BudgetEvaluation = z.infer<typeof BudgetEvaluationSchema>;

/** Budget limits plus their evaluations. */
export const BudgetsSchema = BudgetLimitsSchema.extend({
  /** Each budget's outcome. */
  evaluations: z.array(BudgetEvaluationSchema),
});
export type Budgets = z.infer<typeof BudgetsSchema>;

/** Object counts found in the applied schema. */
export const SchemaCountsSchema = z.strictObject({
  /** Tables in the GOMFLOW schemas. */
  tables: count,
  /** Tables per GOMFLOW table group. */
  tablesByGroup: z.strictObject({ core: count, notifications: count, analytics: count, monitoring: count }),
  /** Enum types. */
  enums: count,
  /** Indexes created by CREATE INDEX (not by constraints). */
  explicitIndexes: count,
  /** All indexes, constraint-backed included. */
  indexes: count,
  /** Functions. */
  functions: count,
  /** Triggers. */
  triggers: count,
  /** RLS policies. */
  policies: count,
  /** Tables with row level security enabled. */
  rlsTables: count,
  /** Storage buckets. */
  buckets: count,
  /** Notification templates. */
  templates: count,
  /** Views. */
  views: count,
});
export type SchemaCounts = z.infer<typeof SchemaCountsSchema>;

/** A schema statement the server rejected. */
export const SchemaFailureSchema = z.strictObject({
  /** 1-based line of the statement in its file. */
  line: z.number().int().positive(),
  /** First 200 characters of the statement. */
  statement: z.string().max(200),
  /** Server error message. */
  message: z.string(),
  /** SQLSTATE code, e.g. "42P07". */
  sqlState: z.string().optional(),
  /** Server hint. */
  hint: z.string().optional(),
});
export type SchemaFailure = z.infer<typeof SchemaFailureSchema>;

/** A schema object changed so it runs on this server; reported as a finding. */
export const SchemaAdaptationSchema = z.strictObject({
  /** Adapted object, e.g. "analytics.slow_queries". */
  object: z.string(),
  /** Object kind, e.g. "view", "index". */
  kind: z.string(),
  /** Why it had to change. */
  reason: z.string(),
  /** Original SQL. */
  original: z.string().optional(),
  /** SQL that ran instead. */
  adapted: z.string().optional(),
});
export type SchemaAdaptation = z.infer<typeof SchemaAdaptationSchema>;

/** Outcome of applying or verifying the GOMFLOW schema. */
export const SchemaSectionSchema = z.strictObject({
  /** Where the schema came from. */
  source: z.enum(['bundled', 'file', 'empty']),
  /** Schema file, when source is "file". */
  file: z.string().optional(),
  /** Objects found after applying. */
  counts: SchemaCountsSchema,
  /** Rejected statements. */
  failures: z.array(SchemaFailureSchema),
  /** Objects adapted to this server. */
  adaptations: z.array(SchemaAdaptationSchema),
});
export type SchemaSection = z.infer<typeof SchemaSectionSchema>;

/** Rows loaded into one table. */
export const SeedTableSchema = z.strictObject({
  /** Qualified table name. */
  table: z.string(),
  /** Rows loaded. */
  rows: count,
  /** Load time, ms. */
  ms,
  /** Rows per second of generate+load. */
  rowsPerSecond: z.number().nonnegative(),
});
export type SeedTable = z.infer<typeof SeedTableSchema>;

/** Outcome of seeding. */
export const SeedSectionSchema = z.strictObject({
  /** Seed run id (8 hex digits, the start of every id the run wrote). */
  runId: z.string().regex(/^[0-9a-f]{8}$/),
  /** Generator seed. */
  seed: z.union([z.number(), z.string()]),
  /** Scale preset name. */
  scale: z.string(),
  /** Date generated data is anchored to, ISO 8601 date or date-time. */
  referenceDate: z.union([isoDateTime, z.iso.date()]),
  /** Per-table load, in load order. */
  tables: z.array(SeedTableSchema),
  /** Rows loaded in all. */
  totalRows: count,
  /** Total load time, ms. */
  totalMs: ms,
  /**
   * true when the run reused this recorded seed run's data instead of loading it (`run` keeps a
   * complete run of the same seed, scale and analytics mode): totalRows is the recorded count,
   * tables is empty and totalMs 0, for nothing was loaded or timed.
   */
  reused: z.literal(true).optional(),
});
export type SeedSection = z.infer<typeof SeedSectionSchema>;

/** One checklist item or lint. */
export const CheckResultSchema = z.strictObject({
  /** Stable id, e.g. "rls-enabled". */
  id: z.string().min(1),
  /** Human title. */
  title: z.string(),
  /** CHECKLIST.md section the item comes from. */
  checklistSection: z.string(),
  /** Outcome. */
  status: z.enum(['pass', 'fail', 'warn', 'skip']),
  /** Severity when it does not pass: "fail" gates the exit code, "warn" does not. */
  level: z.enum(['fail', 'warn']),
  /** What was found. */
  detail: z.string(),
  /** Rows supporting the outcome (offending tables, settings …). */
  evidence: z.array(z.record(z.string(), z.unknown())),
  /** SQL that would fix it. */
  remediationSql: z.string().optional(),
  /**
   * The Supabase advisor (splinter) lints this check corresponds to, e.g.
   * `{ id: "0011_function_search_path_mutable", level: "WARN" }`; with several, each evidence row names
   * its lint in a `splinter` key.
   */
  splinter: z.array(z.strictObject({ id: z.string().regex(/^\d{4}_[a-z_]+$/), level: z.enum(['ERROR', 'WARN', 'INFO']) })).optional(),
  /** Where the check reports more than splinter does (storage.objects policies, live probes …). */
  beyondSplinter: z.string().optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;


/** Benchmark of one catalog query. */
export const QueryResultSchema = z.strictObject({
  /** Catalog name of the query. */
  name: z.string().min(1),
  /** Role it ran as, e.g. "service_role", "authenticated". */
  role: z.string(),
  /** How parameters were chosen: hot keys, typical keys, or fixed values. */
  paramClass: z.enum(['hot', 'typical', 'fixed']),
  /** Timed executions. */
  iterations: count,
  /** Client-side latency. */
  latency: HistogramSummarySchema,
  /** Planning time from EXPLAIN ANALYZE, ms. */
  planningMs: ms.optional(),
  /** Execution time from EXPLAIN ANALYZE, ms. */
  executionMs: ms.optional(),
  /** Notable plan features. */
  findings: z.array(QueryFindingSchema),
  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output. */
  plan: z.unknown().optional(),
  /** Outcome against its budget. */
  status: z.enum(['pass', 'fail']),
  /** Budget applied to this query. */
  budget: z.strictObject({
    /** p95 limit, ms. */
    p95Ms: ms,
    /** Max limit, ms. */
    maxMs: ms,
  }),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;

/** results.json: everything one run measured; the only input of the reporters. */
export const ResultsSchema = z.strictObject({
  /** Model version, see RESULTS_VERSION. */
  version: z.literal(RESULTS_VERSION),
  /** Run identity and target. */
  run: RunSchema,
  /** Budgets in force and their outcomes. */
  budgets: BudgetsSchema,
  /** Schema apply/verify outcome. */
  schema: SchemaSectionSchema.optional(),
  /** Seeding outcome. */
  seed: SeedSectionSchema.optional(),
  /** Checklist items and lints. */
  checks: z.array(CheckResultSchema),
  /** Query benchmarks. */
  queries: z.array(QueryResultSchema),
  /** The data the query benchmarks ran on. */
  dataVolume: DataVolumeSchema.optional(),
  /** Headroom forecast over this and earlier runs' query benchmarks. */
  forecast: ForecastSectionSchema.optional(),
  /** Load scenarios. */
  scenarios: z.array(ScenarioResultSchema),
});
export type Results = z.infer<typeof ResultsSchema>;

/** A results model with no stage output yet. */
export function emptyResults(run: Run, budgets: BudgetLimits): Results {
  return {
    version: RESULTS_VERSION,
    run,
    budgets: { ...budgets, evaluations: [] },
    checks: [],
    queries: [],
    scenarios: [],
  };
}

/** Validates parsed results.json; throws naming the first bad field, its expected and its actual value. */
export function parseResults(json: unknown): Results {
  // reportInput lets the message say what was found, not only what was expected.
  const parsed = ResultsSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw new Error(`invalid results.json; reason: ${first ? describeIssue(first) : 'unknown'}`, {
    cause: parsed.error,
  });
}
