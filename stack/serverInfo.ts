import type pg from 'pg';

/** The settings the checklist cares about, read from the server itself. */
export const KEY_SETTINGS = [
  'max_connections',
  'statement_timeout',
  'idle_in_transaction_session_timeout',
  'idle_session_timeout',
  'wal_level',
  'shared_preload_libraries',
  'ssl',
] as const;

export interface ServerInfo {
  /** e.g. "18.4" */
  version: string;
  /** e.g. 180004, for version-aware SQL (pg_stat_statements column names). */
  versionNum: number;
  settings: Record<string, string>;
}

export async function readServerInfo(client: pg.Client): Promise<ServerInfo> {
  const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1::text[]) OR name IN ('server_version', 'server_version_num')`,
    [KEY_SETTINGS],
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  const settings: Record<string, string> = {};
  for (const name of KEY_SETTINGS) {
    const row = byName.get(name);
    if (row) settings[name] = withUnit(row.setting, row.unit);
  }
  return {
    version: byName.get('server_version')?.setting.split(' ')[0] ?? 'unknown',
    versionNum: Number(byName.get('server_version_num')?.setting ?? 0),
    settings,
  };
}

/** pg_settings gives "30000" with unit "ms"; people read "30s". */
function withUnit(setting: string, unit: string | null): string {
  if (unit !== 'ms' && unit !== 's') return setting;
  const ms = Number(setting) * (unit === 's' ? 1000 : 1);
  if (ms === 0) return '0';
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
