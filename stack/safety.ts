import { GomflowError } from '../core/errors.ts';
import type { Target } from './target.ts';

/**
 * Commands that change a database run on a remote target only when the user names it on
 * the command line: `--confirm-target host/database` must match DATABASE_URL exactly. A target
 * that matches a configured production identifier is refused first, whatever is confirmed.
 */
export function assertMayChange(target: Target, confirmTarget: string | undefined, action: string, productionPatterns: readonly string[]): void {
  assertNotProduction(target, action, productionPatterns);
  if (target.kind === 'local') return;
  const expected = `${target.host}/${target.database}`;
  if (confirmTarget === expected) return;
  const hint = `re-run with --confirm-target ${expected} if you really mean to ${action} there`;
  if (confirmTarget === undefined) {
    throw new GomflowError('E_UNSAFE_TARGET', `refusing to ${action} on remote target ${expected} without confirmation; ${hint}`);
  }
  throw new GomflowError('E_UNSAFE_TARGET', `--confirm-target ${confirmTarget} does not match the target ${expected}; ${hint}`);
}

/** Refuses a target whose database host or name, or API host, contains a production identifier (case-insensitive). */
export function assertNotProduction(target: Target, action: string, productionPatterns: readonly string[]): void {
  const names = [target.host, target.database, target.apiHost ?? ''].map((name) => name.toLowerCase());
  const pattern = productionPatterns.find((p) => names.some((name) => name.includes(p.toLowerCase())));
  if (pattern === undefined) return;
  throw new GomflowError('E_UNSAFE_TARGET', `refusing to ${action}: target ${target.host}/${target.database} matches production identifier '${pattern}' (safety.productionPatterns); point DATABASE_URL and SUPABASE_URL at staging`);
}
