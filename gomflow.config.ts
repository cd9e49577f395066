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
  // `run --preset NAME`: each preset's seed scale and load scenarios (the rest of each default is in core/config/runPresets.ts).
  presets: {
    smoke: { scale: 'small' },
    launch: { scale: 'large' },
    // Hours at the ordinary peak-hour rate; a scenario may not run longer than 12 hours.
    soak: { scale: 'large', scenarios: [{ scenario: 'soak', durationMs: 2 * 3_600_000 }] },
  },
});
