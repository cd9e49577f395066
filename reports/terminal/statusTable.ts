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
  ];
  return textTable([{}, {}], rows, { indent: '  ' });
}
