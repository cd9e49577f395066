import { GomflowError } from '../core/errors.ts';
import { connectionMode } from './connectionMode.ts';
import type { Target } from './target.ts';

/**
 * The writing commands need one server session for their whole length: seeding and cleaning
 * (COPY, advisory locks, SET), load (the pg driver's named prepared statements and per-session
 * settings, and the control session that samples the server from a slot of its own), and a
 * schema's SET statements (pg_dump output opens with a dozen). A transaction pooler hands each
 * transaction to another server connection. Refuse it up front, naming the pooler mode that works.
 */
export function assertSessionConnection(target: Pick<Target, 'kind' | 'host' | 'port'>, action: string): void {
  if (target.kind === 'local' || connectionMode(target) !== 'transaction pooler') return;
  const supavisor = /pooler\.supabase\.com$/i.test(target.host);
  const instead = supavisor ? `the session pooler, ${target.host}:5432` : 'the session pooler (port 5432) or the direct database host';
  throw new GomflowError('E_UNSAFE_TARGET', `refusing to ${action} through the transaction pooler ${target.host}:${target.port}: COPY, advisory locks, prepared statements and SET need one server session; set DATABASE_URL to ${instead}`);
}
