import { redactConnectionString } from '../../../stack/targetUrl.ts';
import { countObjects, type ObjectCounts } from '../../../stack/schema/countObjects.ts';
import { readServerInfo, type ServerInfo } from '../../../stack/serverInfo.ts';
import type { TargetSession } from '../../../stack/targetSession.ts';

/** What `db status` shows, and what `db up` prints when it is done. */
export interface DbStatus {
  target: string;
  running: boolean;
  url: string;
  server: ServerInfo;
  counts: ObjectCounts;
}

export async function collectStatus(session: TargetSession, showSecrets: boolean): Promise<DbStatus> {
  const { target, client } = session;
  return {
    target: target.kind,
    running: session.runningAfter,
    url: showSecrets ? target.url : redactConnectionString(target.url),
    server: await readServerInfo(client),
    counts: await countObjects(client),
  };
}

/** Renders the status for people; a pure function of the status. */
export function renderStatus(status: DbStatus): string {
  const { counts, server } = status;
  const g = counts.tablesByGroup;
  const settings = ['max_connections', 'statement_timeout', 'idle_in_transaction_session_timeout', 'wal_level']
    .filter((name) => server.settings[name] !== undefined)
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
  return rows.map(([label, value]) => `  ${label.padEnd(10)} ${value}`).join('\n');
}
