import { GomflowError } from '../core/errors.ts';
import type { Target } from './target.ts';

/**
 * Commands that change a database run on a remote target only when the user names it on
 * the command line: `--confirm-target host/database` must match DATABASE_URL exactly.
 */
export function assertMayChange(target: Target, confirmTarget: string | undefined, action: string): void {
  if (target.kind === 'local') return;
  const expected = `${target.host}/${target.database}`;
  if (confirmTarget === expected) return;
  const hint = `re-run with --confirm-target ${expected} if you really mean to ${action} there`;
  if (confirmTarget === undefined) {
    throw new GomflowError('E_UNSAFE_TARGET', `refusing to ${action} on remote target ${expected} without confirmation; ${hint}`);
  }
  throw new GomflowError('E_UNSAFE_TARGET', `--confirm-target ${confirmTarget} does not match the target ${expected}; ${hint}`);
}
