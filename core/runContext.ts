import type { ResolvedConfig } from './config/configSchema.ts';

/** What every command and stage runs with: the validated config and the folder paths resolve against. */
export interface RunContext {
  config: ResolvedConfig;
  cwd: string;
}
