import { defineConfig } from 'gomflow-loadtest';

// Every option and its default is documented in core/config/configSchema.ts.
// Environment variables (DATABASE_URL, DB_POOL_MAX, ...) and flags override this file.
export default defineConfig({
  target: 'local',
  budgets: {
    queryP95Ms: 100,
    queryMaxMs: 1000,
    errorRatePct: 1,
    peakConnections: 80,
  },
});
