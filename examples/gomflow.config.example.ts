import { defineConfig } from 'gomflow-loadtest';

// Every option of gomflow.config.ts, each set to its default unless a comment says otherwise.
// Copy the ones you change into your own gomflow.config.ts; docs/config-reference.md describes
// each (generated from core/config/configSchema.ts). Flags and environment variables win over
// this file; secrets belong in the environment or .env, never here.
export default defineConfig({
  target: 'local', // local | postgres | supabase (env GOMFLOW_TARGET)
  databaseUrl: undefined, // env DATABASE_URL; e.g. the session pooler of a staging project
  supabase: {
    url: undefined, // env SUPABASE_URL: https://<project-ref>.supabase.co
    anonKey: undefined, // env SUPABASE_ANON_KEY
    serviceRoleKey: undefined, // env SUPABASE_SERVICE_ROLE_KEY
    jwtSecret: undefined, // env SUPABASE_JWT_SECRET
    computeSize: 'micro', // env SUPABASE_COMPUTE_SIZE
    // Without jwtSecret, personas sign in through /auth/v1 at this pace (under GoTrue's per-IP limit on /token).
    signIn: { perSecond: 0.4, burst: 20, timeoutSeconds: 600 }, // env SUPABASE_SIGN_IN_RATE sets perSecond
  },
  pool: { min: 2, max: 10, idleTimeoutMs: 10_000 },
  local: { dataDir: '.gomflow/postgres', port: 0, database: 'gomflow' },
  safety: {
    // Not the default (none): identifiers of production, refused by every writing command.
    productionPatterns: ['gomflow-prod'],
  },
  connectTimeoutMs: 5_000,
  outDir: 'out',
  keepRuns: 20,
  seed: {
    scale: 'small',
    analytics: 'designed',
    seed: 1,
    parallel: 1, // default: half the CPU cores, at least 1
    // Not the default ({}): a preset of your own, used as --scale launch-week.
    scales: { 'launch-week': { goms: 400, buyerAccounts: 2_000, orders: 4_000, submissions: 150_000, analyticsDays: 7, monitoringHours: 24 } },
  },
  budgets: {
    queryP95Ms: 100,
    queryMaxMs: 1_000,
    errorRatePct: 1,
    peakConnections: 80,
    maxConnections: 100,
    idleTimeoutMs: 10_000,
    statementTimeoutMs: 30_000,
  },
  checks: {
    // Not the default ({}): make duplicate indexes fail the verdict.
    levels: { 'lint.duplicate-index': 'fail' },
    superusers: ['postgres'], // default by target: ['supabase_admin'] on supabase
    maxFileSizeBytes: 52_428_800,
    apiSchemas: ['public'],
  },
  bench: {
    iterations: 30,
    warmup: 3,
    explainRuns: 3,
    timeCapMs: 5_000,
    topStatements: 10,
    catalogDir: 'sql/queries', // default: the bundled catalog
    plan: {
      seqScanMinRows: 1_000,
      seqScanMaxReturnedShare: 0.1,
      misestimateFactor: 10,
      misestimateMinRows: 100,
      nestedLoopOuterRows: 1_000,
      perRowMinLoops: 100,
      bufferHitPctMin: 90,
      bufferReadMinBlocks: 100,
      genericPlanFactor: 2,
      genericPlanMinGapMs: 1,
    },
  },
  capture: {
    enabled: true,
    minDurationMs: 100, // default: budgets.queryP95Ms
    sampleRate: 0.1,
  },
  // run --preset NAME (npm start is smoke); each field overrides the built-in preset's.
  presets: {
    smoke: {
      scale: 'small',
      scenarios: [
        { scenario: 'smoke', via: 'pg', durationMs: 10_000 },
        { scenario: 'launch-drop', via: 'rest', durationMs: 15_000 },
      ],
    },
    launch: { scale: 'large', scenarios: [{ scenario: 'launch-drop', via: 'rest', dashboards: 5, storage: true }, { scenario: 'capacity' }] },
    soak: { scale: 'large', scenarios: [{ scenario: 'soak', durationMs: 2 * 3_600_000 }] },
  },
});
