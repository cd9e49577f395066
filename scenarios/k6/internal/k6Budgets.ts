import type { Budgets } from '../../../core/config/configSchema.ts';

/** The budgets a k6 script turns into thresholds, as the harness judges them. */
export type K6Budgets = Pick<Budgets, 'queryP95Ms' | 'queryMaxMs' | 'errorRatePct'>;

// Written by scripts/build/buildK6.ts from the resolved config (esbuild `define`), so the
// bundle's thresholds are the config's budgets; absent when k6 runs the .ts file directly.
declare const __GOMFLOW_BUDGETS__: K6Budgets | undefined;

/** The bundle's budgets, or GOMFLOW_BUDGETS (JSON) from the environment, which wins. */
export function scriptBudgets(env: Readonly<Record<string, string | undefined>>): K6Budgets {
  const fromEnv = env.GOMFLOW_BUDGETS;
  if (fromEnv) return JSON.parse(fromEnv) as K6Budgets;
  if (typeof __GOMFLOW_BUDGETS__ !== 'undefined') return __GOMFLOW_BUDGETS__;
  throw new Error('no budgets: run the bundle from `npm run build:k6` (it carries gomflow.config.ts budgets) or set GOMFLOW_BUDGETS=\'{"queryP95Ms":100,"queryMaxMs":1000,"errorRatePct":1}\'');
}
