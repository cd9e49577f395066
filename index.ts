export { defineConfig } from './core/config/defineConfig.ts';
export type { UserConfig, ResolvedConfig, Budgets } from './core/config/configSchema.ts';
