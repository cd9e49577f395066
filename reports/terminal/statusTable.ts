import type { ObjectCounts } from '../../stack/schema/countObjects.ts';
import type { ServerInfo } from '../../stack/serverInfo.ts';
import { textTable } from './textTable.ts';

/** What `db status` shows, and what `db up` prints when it is done. */
export interface DbStatus {
  target: string;
  running: boolean;
  url: string;
  server: ServerInfo;
  counts: ObjectCounts;
  /** The Supabase API of the target: the local stack's server (stack/server), or the supabase target's SUPABASE_URL. */
  api?: ApiStatus;
}

export interface ApiStatus {
  running: boolean;
  /** SUPABASE_URL; absent while the local server is down. */
  supabaseUrl?: string;
  /** True for the local stack: a test target, not Supabase. */
  local: boolean;
  /** Only with --show-secrets. */
  anonKey?: string;
  serviceRoleKey?: string;
}

const SHOWN_SETTINGS = ['max_connections', 'statement_timeout', 'idle_in_transaction_session_timeout', 'wal_level'];

/** The status for people, one label and value a line; a pure function of the status. */
export function statusTable(status: DbStatus): string {
  const { counts, server } = status;
  const g = counts.tablesByGroup;
  const settings = SHOWN_SETTINGS.filter((name) => server.settings[name] !== undefined)
    .map((name) => `${name}=${server.settings[name]}`)
    .join(' ');
  const rows: [string, string][] = [
    ['target', `${status.target}${status.target === 'local' ? ' (embedded PostgreSQL)' : ''}, ${status.running ? 'running' : 'not running (started for this command, stopped again)'}`],
    ['url', status.url],
    ['server', `PostgreSQL ${server.version}`],
    ['settings', settings],
    ['tables', `${counts.tables}  (core ${g.core}, notifications ${g.notifications}, analytics ${g.analytics}, monitoring ${g.monitoring})`],
    ['enums', String(counts.enums)],
    ['indexes', `${counts.explicitIndexes} explicit, ${counts.indexes} in all`],
    ['functions', String(counts.functions)],
    ['triggers', String(counts.triggers)],
    ['policies', `${counts.policies}  (RLS on ${counts.rlsTables} of ${counts.tables} tables)`],
    ['buckets', String(counts.buckets)],
    ['templates', String(counts.templates)],
    ['views', String(counts.views)],
    ...apiRows(status.api),
  ];
  return textTable([{}, {}], rows, { indent: '  ' });
}

function apiRows(api: ApiStatus | undefined): [string, string][] {
  if (!api) return [];
  const where = api.running && api.supabaseUrl ? `${api.supabaseUrl}${api.local ? '  (local test target, not Supabase)' : ''}` : 'not running (`db up` starts it)';
  return [
    ['api', where],
    ...(api.anonKey ? [['anon key', api.anonKey] as [string, string]] : []),
    ...(api.serviceRoleKey ? [['service key', api.serviceRoleKey] as [string, string]] : []),
  ];
}
