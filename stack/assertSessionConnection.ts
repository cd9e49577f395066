import { GomflowError } from '../core/errors.ts';
import { connectionMode } from './connectionMode.ts';
import type { Target } from './target.ts';

/**
 * Seeding and cleaning need one server session for their whole length (COPY, advisory locks,
 * SET): a transaction pooler hands each transaction to another server connection, and breaks
 * prepared statements and SET besides. Refuse it up front, naming the pooler mode that works.
 */
export function assertSessionConnection(target: Pick<Target, 'kind' | 'host' | 'port'>, action: string): void {
  if (target.kind === 'local' || connectionMode(target) !== 'transaction pooler') return;
  const supavisor = /pooler\.supabase\.com$/i.test(target.host);
  const instead = supavisor ? `the session pooler, ${target.host}:5432` : 'the session pooler (port 5432) or the direct database host';
  throw new GomflowError('E_UNSAFE_TARGET', `refusing to ${action} through the transaction pooler ${target.host}:${target.port}: COPY, advisory locks and SET need one session; set DATABASE_URL to ${instead}`);
}
