import type { UserConfig } from './configSchema.ts';

/** Identity function that exists only so gomflow.config.ts gets types and completion. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
