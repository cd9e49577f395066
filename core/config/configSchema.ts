import { z } from 'zod';
import { ANALYTICS_MODES } from '../../generators/types.ts';
import { presetsSchema } from './runPresets.ts';

const positiveInt = z.number().int().positive();

// Every object is strict: an unknown key is nearly always a misspelt option, which a lenient
// schema would drop in silence and leave the default in force.

/** Where load and schema changes go. */
export const targetKinds = ['local', 'postgres', 'supabase'] as const;
export type TargetKind = (typeof targetKinds)[number];

/** Supabase compute sizes (add-ons), smallest first; their connection limits are in scenarios/quotaWarning.ts. */
export const supabaseComputeSizes = ['nano', 'micro', 'small', 'medium', 'large', 'xl', '2xl', '4xl', '8xl', '12xl', '16xl'] as const;
export type SupabaseComputeSize = (typeof supabaseComputeSizes)[number];

export const captureSchema = z.strictObject({
  /** Capture plans of slow statements while a scenario runs. Default true. */
  enabled: z.boolean().default(true),
  /** auto_explain.log_min_duration: statements at least this slow are logged, ms. Default: the query budget (budgets.queryP95Ms). */
  minDurationMs: z.number().int().min(0).optional(),
  /** auto_explain.sample_rate: the share (0–1) of statements instrumented (ANALYZE timing costs even when nothing is logged). Default 0.1. */
  sampleRate: z.number().min(0).max(1).default(0.1),
});

/** The default budgets of DESIGN.md, each traced to a checklist line. */
export const budgetsSchema = z.strictObject({
  /** p95 latency per catalog query, in ms ("all queries <100ms"). Default 100. */
  queryP95Ms: positiveInt.default(100),
  /** Ceiling for any single execution, in ms ("no queries >1000ms"). Default 1000. */
  queryMaxMs: positiveInt.default(1000),
  /** Error rate per scenario, in percent ("<1%"). Default 1. */
  errorRatePct: z.number().min(0).max(100).default(1),
  /** Peak connections must stay below this ("Connection limit alerts (>80 connections)"). Default 80. */
  peakConnections: positiveInt.default(80),
  /** Expected max_connections setting ("Max connections set appropriately (100)"). Default 100. */
  maxConnections: positiveInt.default(100),
  /** Expected idle timeout, in ms ("Idle timeout configured (10 seconds)"). Default 10000. */
  idleTimeoutMs: positiveInt.default(10_000),
  /** Expected statement timeout, in ms ("Query timeout configured (30 seconds)"). Default 30000. */
  statementTimeoutMs: positiveInt.default(30_000),
});

/** Entity counts of a scale preset (see generators/scales.ts); any subset overrides a built-in preset. */
export const entityCountsSchema = z
  .strictObject({
    /** GOM accounts (auth user + profile + orders). */
    goms: positiveInt,
    /** Buyers who also have an account (auth user + profile, no orders). */
    buyerAccounts: z.number().int().min(0),
    /** Group orders. */
    orders: positiveInt,
    /** Submissions (buyers' order entries): the volume the headroom forecast counts. */
    submissions: z.number().int().min(0),
    /** Days of analytics history before the reference date. */
    analyticsDays: z.number().int().min(0).max(365),
    /** Hours of monitoring history (per-minute metrics for the 9 services). */
    monitoringHours: z.number().int().min(0),
  })
  .partial();

export const seedSchema = z.strictObject({
  /** Scale used when --scale is not given: a preset name or counts like goms=50,submissions=10000. Default small. */
  scale: z.string().min(1).default('small'),
  /**
   * Analytics volume when --analytics is not given: 'designed' records one analytics_events row per
   * user-facing API call, as GOMFLOW's design tracks them (~10.5 per web submitter); 'built' what the
   * app posts today, which is nothing. Scale presets bound the days of analytics history, never the
   * volume per submitter. Default 'designed'.
   */
  analytics: z.enum(ANALYTICS_MODES).default('designed'),
  /** PRNG seed used when --seed is not given; the same seed and scale give the same rows. Default 1. */
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  /**
   * Tables loaded at the same time, each on its own connection. Default: half the CPU cores,
   * at least 1 — on 2 cores one table at a time is faster, since each COPY already keeps one
   * core busy generating and one busy in PostgreSQL (bench:seed at large: 118 s vs 139 s).
   */
  parallel: positiveInt.max(16).optional(),
  /** Presets of your own, or overrides of tiny/small/large/xl: name -> entity counts. */
  scales: z.record(z.string(), entityCountsSchema).default({}),
});

/** Levels of a check: 'fail' gates the exit code, 'warn' is reported only, 'off' skips the check. */
export const checkLevels = ['fail', 'warn', 'off'] as const;
export type ConfiguredCheckLevel = (typeof checkLevels)[number];

/** The `check` command: levels per check id and the few expectations that differ between deployments. */
export const checksSchema = z.strictObject({
  /**
   * Level per check id, e.g. `{ 'lint.duplicate-index': 'fail', 'stats.analyzed': 'off' }`. Ids not listed keep
   * their default level (stack/checks/checkLevels.ts; `gomflow-load check --json` lists every id). Default {}.
   */
  levels: z.record(z.string(), z.enum(checkLevels)).default({}),
  /**
   * Roles allowed to be superuser (roles.superusers). Default by target: ['supabase_admin'] on supabase (where
   * `postgres` is not a superuser), ['postgres'] on local and postgres.
   */
  superusers: z.array(z.string().min(1)).optional(),
  /** Largest acceptable storage bucket file_size_limit, in bytes ("File size limits configured (50MB max)"). Default 52428800. */
  maxFileSizeBytes: positiveInt.default(52_428_800),
  /**
   * Schemas the API exposes, as PostgREST's `db-schemas` (Supabase: Settings › API › Exposed schemas): the
   * lints that ask "reachable through the API?" look only here. Default ['public'].
   */
  apiSchemas: z.array(z.string().min(1)).min(1).default(['public']),
});

/** What the plan reader of `bench` calls a finding (stack/bench/readPlan.ts). */
export const planThresholdsSchema = z.strictObject({
  /** A sequential scan is reported when it reads at least this many rows (rows × loops) through a Filter. Default 1000. */
  seqScanMinRows: z.number().int().min(0).default(1_000),
  /**
   * ... and keeps at most this share of them (0–1), i.e. an index on the filtered columns could serve it.
   * The same share and row count flag index scans that discard most of what they read. Default 0.1.
   */
  seqScanMaxReturnedShare: z.number().min(0).max(1).default(0.1),
  /** Row estimates off by at least this factor (either way) are reported. Default 10. */
  misestimateFactor: z.number().min(1).default(10),
  /** ... when the larger of estimate and actual is at least this many rows (smaller gaps are noise). Default 100. */
  misestimateMinRows: z.number().int().min(0).default(100),
  /** A nested loop is reported when its outer side yields at least this many rows. Default 1000. */
  nestedLoopOuterRows: z.number().int().min(0).default(1_000),
  /**
   * A SubPlan or InitPlan executed at least this many times, or an RLS filter calling auth.uid()/auth.role()
   * on at least this many rows, is reported as per-row work. Default 100.
   */
  perRowMinLoops: z.number().int().min(1).default(100),
  /** Below this shared-buffer hit percentage (0–100) the blocks read from outside shared buffers are reported. Default 90. */
  bufferHitPctMin: z.number().min(0).max(100).default(90),
  /** ... when at least this many blocks (8 kB each) were read; a handful of cold blocks is noise. Default 100. */
  bufferReadMinBlocks: z.number().int().min(0).default(100),
  /**
   * A query whose generic plan (what prepared statements and PostgREST switch to after five executions)
   * runs at least this many times slower than its custom plan is reported. Default 2.
   */
  genericPlanFactor: z.number().min(1).default(2),
  /** ... when the generic plan is also at least this many ms slower (sub-millisecond gaps are noise). Default 1. */
  genericPlanMinGapMs: z.number().min(0).default(1),
});

/** The `bench` command: how many times each catalog query runs, for how long at most, and what the plan reader reports. */
export const benchSchema = z.strictObject({
  /** Timed executions per query, role and parameter class (flag --iterations). Default 30. */
  iterations: positiveInt.default(30),
  /** Untimed executions first, per query, role and class, so caches and plans are warm. Default 3. */
  warmup: z.number().int().min(0).default(3),
  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) runs per query, role and class; the median one is kept. Default 3. */
  explainRuns: positiveInt.max(20).default(3),
  /** Time cap per query, role and class, in ms: timed executions stop once it is spent (at least one runs). Default 5000. */
  timeCapMs: positiveInt.default(5_000),
  /** Statements listed from pg_stat_statements (the ones that cost most during the run). Default 10. */
  topStatements: z.number().int().min(0).default(10),
  /** Folder of the query catalog (*.sql with a header, see sql/queries/README.md), relative to the working directory. Default: the bundled sql/queries. */
  catalogDir: z.string().min(1).optional(),
  /** Plan reader thresholds. */
  plan: planThresholdsSchema.default(planThresholdsSchema.parse({})),
});

/** How personas sign in through /auth/v1 on a supabase target without SUPABASE_JWT_SECRET. */
const signInSchema = z.strictObject({
  /**
   * Sustained sign-ins per second (env SUPABASE_SIGN_IN_RATE). Default 0.4, under Supabase's default limit on
   * /auth/v1/token of 1800 an hour per IP (0.5/s; rate_limit_token_refresh, 150 per 5 minutes).
   */
  perSecond: z.number().positive().max(1000).default(0.4),
  /** Sign-ins sent back to back before the pace applies. Default 20, under GoTrue's burst of 30. */
  burst: positiveInt.max(1000).default(20),
  /** Bound on the sign-in phase, 429 waits included, in s: past it the command stops (exit 3). Default 600. */
  timeoutSeconds: positiveInt.max(86_400).default(600),
});
export const defaultSignIn = signInSchema.parse({});

export const configSchema = z.strictObject({
  /** Which target to use: local (embedded PostgreSQL, default), postgres (DATABASE_URL) or supabase. */
  target: z.enum(targetKinds).default('local'),
  /** Connection URL of a postgres or supabase target (env DATABASE_URL). Never printed with its password. */
  databaseUrl: z.string().optional(),
  /** Supabase project settings (env SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_JWT_SECRET). */
  supabase: z
    .strictObject({
      /** Project URL, https://<project-ref>.supabase.co (env SUPABASE_URL); required by target supabase. */
      url: z.string().url().optional(),
      /** anon API key (env SUPABASE_ANON_KEY). Read by the load scenarios (REST, realtime, storage as anon); no command uses it yet. */
      anonKey: z.string().optional(),
      /** service_role API key (env SUPABASE_SERVICE_ROLE_KEY). Read by the load scenarios; no command uses it yet. */
      serviceRoleKey: z.string().optional(),
      /** JWT secret (env SUPABASE_JWT_SECRET), to mint user tokens. Read by the load scenarios; no command uses it yet. */
      jwtSecret: z.string().optional(),
      /**
       * The project's compute size (env SUPABASE_COMPUTE_SIZE), whose documented connection limits a load scenario
       * is warned against: nano, micro, small, medium, large, xl, 2xl, 4xl, 8xl, 12xl or 16xl. Default micro, the
       * base of the paid plans (the same 60 direct / 200 pooler clients as the free plan's nano).
       */
      computeSize: z.enum(supabaseComputeSizes).default('micro'),
      /** Pace of the personas' sign-ins when their tokens cannot be minted (no jwtSecret). */
      signIn: signInSchema.default(defaultSignIn),
    })
    .default({ computeSize: 'micro', signIn: defaultSignIn }),
  /** Application connection pool, as the checklist configures it. Read by the load scenarios (pool load); no command uses it yet. */
  pool: z
    .strictObject({
      /** Minimum pool size (env DB_POOL_MIN). Default 2. */
      min: z.number().int().min(0).default(2),
      /** Maximum pool size (env DB_POOL_MAX). Default 10. */
      max: positiveInt.default(10),
      /** Idle client timeout in ms (env DB_POOL_IDLE_TIMEOUT). Default 10000. */
      idleTimeoutMs: positiveInt.default(10_000),
    })
    .default({ min: 2, max: 10, idleTimeoutMs: 10_000 })
    .refine((pool) => pool.min <= pool.max, { message: 'pool.min must not exceed pool.max' }),
  /** The embedded PostgreSQL of the local target. */
  local: z
    .strictObject({
      /** Data directory, relative to the working directory (env GOMFLOW_DATA_DIR). Default .gomflow/postgres. */
      dataDir: z.string().min(1).default('.gomflow/postgres'),
      /** Loopback port; 0 picks a free one on first start and keeps it. Default 0. */
      port: z.number().int().min(0).max(65_535).default(0),
      /** Database that holds GOMFLOW's schema. Default gomflow. */
      database: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'use lower-case letters, digits and _').default('gomflow'),
    })
    .default({ dataDir: '.gomflow/postgres', port: 0, database: 'gomflow' }),
  /** Guards on the commands that write. */
  safety: z
    .strictObject({
      /**
       * Production identifiers (env GOMFLOW_PRODUCTION_PATTERNS, comma-separated): a target whose DATABASE_URL host or
       * database, or SUPABASE_URL host, contains one of them (case-insensitive) is refused by every writing command,
       * whatever --confirm-target says. Default none.
       */
      productionPatterns: z.array(z.string().trim().min(1)).default([]),
    })
    .default({ productionPatterns: [] }),
  /** Give up connecting after this many ms, so an unreachable host never hangs a run. Default 5000. */
  connectTimeoutMs: positiveInt.default(5_000),
  /** Folder for run output (out/<run-id>/results.json, out/latest) (env GOMFLOW_OUT_DIR). Default out. */
  outDir: z.string().min(1).default('out'),
  /** Run folders kept in outDir: the newest this many, plus the baseline and pinned runs (a `pinned` file inside). Default 20. */
  keepRuns: positiveInt.default(20),
  /** Seeding: default scale, seed, parallelism and presets. */
  seed: seedSchema.default(seedSchema.parse({})),
  /** Budgets that decide pass/fail and the exit code. */
  budgets: budgetsSchema.default(budgetsSchema.parse({})),
  /** The `check` command: check levels, superuser allow-list, bucket size limit. */
  checks: checksSchema.default(checksSchema.parse({})),
  /** The `bench` command: iterations, warm-up, time cap, catalog folder and plan-reader thresholds. */
  bench: benchSchema.default(benchSchema.parse({})),
  /** Live plan capture during load scenarios (auto_explain on the pg driver's connections, where the role may load it). */
  capture: captureSchema.default(captureSchema.parse({})),
  /** `run --preset`: the seed scale and load scenarios of smoke (default), launch and soak (core/config/runPresets.ts). */
  presets: presetsSchema,
});

/** What a user may write in gomflow.config.ts: every field optional, nested objects partial. */
export type UserConfig = z.input<typeof configSchema>;
/** The resolved, validated configuration the rest of the harness reads. */
export type ResolvedConfig = z.output<typeof configSchema>;
export type Budgets = z.output<typeof budgetsSchema>;
export type ChecksConfig = z.output<typeof checksSchema>;
export type BenchConfig = z.output<typeof benchSchema>;
export type PlanThresholds = z.output<typeof planThresholdsSchema>;
