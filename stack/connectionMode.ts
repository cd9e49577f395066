import type { Target } from './target.ts';

export type ConnectionMode = 'direct' | 'transaction pooler' | 'session pooler';

/**
 * How DATABASE_URL reaches the project: Supavisor's hosts are *.pooler.supabase.com (port 6543
 * transaction mode, 5432 session mode), the dedicated pooler listens on the database host's
 * port 6543; anything else is a direct connection.
 */
export function connectionMode(target: Pick<Target, 'host' | 'port'>): ConnectionMode {
  const supavisor = /(^|\.)pooler\.supabase\.com$/i.test(target.host);
  if (supavisor) return target.port === 5432 ? 'session pooler' : 'transaction pooler';
  return target.port === 6543 ? 'transaction pooler' : 'direct';
}
