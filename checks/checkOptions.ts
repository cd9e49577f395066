import type { ResolvedConfig } from '../core/config/configSchema.ts';
import type { Target } from '../stack/target.ts';
import type { RunChecksOptions } from './runChecks.ts';

/** runChecks options from the resolved config and the command's target: what `check` (and the rehearsal) pass. */
export function checkOptionsFrom(config: ResolvedConfig, target: Pick<Target, 'kind' | 'host'>): RunChecksOptions {
  return {
    targetKind: target.kind,
    remote: !isLoopback(target.host),
    levels: config.checks.levels,
    ...(config.checks.superusers ? { superusers: config.checks.superusers } : {}),
    maxFileSizeBytes: config.checks.maxFileSizeBytes,
    apiSchemas: config.checks.apiSchemas,
    budgets: config.budgets,
  };
}

/** Loopback or a Unix socket: SSL does not protect anything there. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.') || host.startsWith('/');
}
