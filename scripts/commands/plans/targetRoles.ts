import { connectionMode } from '../../../stack/connectionMode.ts';
import type { Target } from '../../../stack/target.ts';
import { parseTargetUrl } from '../../../stack/targetUrl.ts';

/** The database role DATABASE_URL logs in as, for a plan's "acts as". */
export function databaseRole(target: Target): string {
  return `${parseTargetUrl(target.url).user || '(default user)'} (database login)`;
}

/** How the target is reached, for a plan's target line. */
export function connectionLabel(target: Target): string {
  return target.kind === 'local' ? 'local embedded server' : `${target.kind}, ${connectionMode(target)}`;
}
