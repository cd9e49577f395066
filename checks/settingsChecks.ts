import { advisory, finding, pass, skip, type CheckContext, type CheckDefinition, type CheckOutcome, type Evidence } from './checkTypes.ts';

const SECTION = 'Connection Management';

interface SettingRow {
  name: string;
  setting: string;
  unit: string | null;
  source: string;
}

function loadSettings(ctx: CheckContext): Promise<Map<string, SettingRow>> {
  return ctx.memo('settings', async () => {
    const { rows } = await ctx.client.query<SettingRow>(
      `SELECT name, setting, unit, source FROM pg_settings
       WHERE name IN ('max_connections', 'statement_timeout', 'idle_in_transaction_session_timeout', 'idle_session_timeout',
                      'ssl', 'shared_preload_libraries', 'log_statement', 'server_version_num')`,
    );
    return new Map(rows.map((row) => [row.name, row]));
  });
}

/** Per-role and per-database overrides (ALTER ROLE/DATABASE … SET), as `role`, `database`, `name`, `value`. */
function loadOverrides(ctx: CheckContext): Promise<{ role: string; database: string; name: string; value: string }[]> {
  return ctx.memo('settingOverrides', async () => {
    const { rows } = await ctx.client.query<{ role: string; database: string; config: string }>(
      `SELECT coalesce(r.rolname, '(every role)') AS role, coalesce(d.datname, '(every database)') AS database, unnest(s.setconfig) AS config
       FROM pg_db_role_setting s
       LEFT JOIN pg_roles r ON r.oid = s.setrole
       LEFT JOIN pg_database d ON d.oid = s.setdatabase
       WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))`,
    );
    return rows.map((row) => {
      const at = row.config.indexOf('=');
      return { role: row.role, database: row.database, name: row.config.slice(0, at), value: row.config.slice(at + 1) };
    });
  });
}

/** "30s", "8000", "2min" → ms; a bare number is ms, as for the timeouts. */
export function durationMs(value: string, unit: string | null = 'ms'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|h|d)?\s*$/.exec(value);
  if (!match) return Number.NaN;
  const factor = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? unit ?? 'ms') as 'ms'];
  return Number(match[1]) * factor;
}

const human = (ms: number) => (ms === 0 ? '0 (off)' : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** A timeout must be on and at most the checklist's value, for the server and for every role override. */
async function timeoutCheck(ctx: CheckContext, name: string, expectedMs: number, extra: Evidence[] = []): Promise<CheckOutcome> {
  const settings = await loadSettings(ctx);
  const row = settings.get(name);
  if (!row) return skip(`${name} is not a setting of this server`);
  const serverMs = durationMs(row.setting, row.unit);
  const overrides = (await loadOverrides(ctx)).filter((o) => o.name === name).map((o) => ({ ...o, ms: durationMs(o.value) }));
  const evidence: Evidence[] = [
    { scope: 'server (this session)', setting: name, value: human(serverMs), source: row.source, expected: human(expectedMs) },
    ...overrides.map((o) => ({ scope: `role ${o.role}, database ${o.database}`, setting: name, value: human(o.ms), source: 'ALTER ROLE/DATABASE … SET', expected: human(expectedMs) })),
    ...extra,
  ];
  const tooLoose = [{ label: 'the server', ms: serverMs }, ...overrides.map((o) => ({ label: `role ${o.role}`, ms: o.ms }))].filter((v) => v.ms === 0 || v.ms > expectedMs);
  const fix = `ALTER SYSTEM SET ${name} = '${human(expectedMs)}';  SELECT pg_reload_conf();`;
  if (tooLoose.length > 0) return finding(`${name} is ${tooLoose.map((v) => `${human(v.ms)} for ${v.label}`).join(', ')}; the checklist wants ${human(expectedMs)}`, evidence, fix);
  if (serverMs < expectedMs) return advisory(`${name} is ${human(serverMs)}, stricter than the checklist's ${human(expectedMs)}`, evidence);
  return pass(`${name} = ${human(serverMs)}${overrides.length ? ` (${overrides.map((o) => `${o.role} ${human(o.ms)}`).join(', ')})` : ''}`, evidence);
}

export const maxConnections: CheckDefinition = {
  id: 'settings.max-connections',
  title: 'max_connections is set as the checklist wants (100)',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  async run(ctx) {
    const row = (await loadSettings(ctx)).get('max_connections')!;
    const actual = Number(row.setting);
    const expected = ctx.budgets.maxConnections;
    const evidence = [{ setting: 'max_connections', value: actual, expected, source: row.source }];
    return actual === expected ? pass(`max_connections = ${actual}`, evidence) : finding(`max_connections is ${actual}, the checklist wants ${expected}`, evidence, `ALTER SYSTEM SET max_connections = ${expected};  -- takes a restart`);
  },
};

export const statementTimeout: CheckDefinition = {
  id: 'settings.statement-timeout',
  title: 'statement_timeout is 30 s (checklist "Query timeout")',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  run: (ctx) => timeoutCheck(ctx, 'statement_timeout', ctx.budgets.statementTimeoutMs),
};

export const idleTimeout: CheckDefinition = {
  id: 'settings.idle-timeout',
  title: 'Idle-in-transaction sessions end after 10 s (checklist "Idle timeout")',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  async run(ctx) {
    // idle_session_timeout would also close a pool's idle connections; shown, not judged.
    const idle = (await loadSettings(ctx)).get('idle_session_timeout');
    const extra = idle ? [{ scope: 'server (this session)', setting: 'idle_session_timeout', value: human(durationMs(idle.setting, idle.unit)), note: 'not judged: it would also close pooled connections; the pool\'s own idle timeout (DB_POOL_IDLE_TIMEOUT) is the checklist\'s 10 s' }] : [];
    return timeoutCheck(ctx, 'idle_in_transaction_session_timeout', ctx.budgets.idleTimeoutMs, extra);
  },
};

export const sslCheck: CheckDefinition = {
  id: 'security.ssl',
  title: 'A remote target has SSL on and this connection used it',
  checklistSection: 'Database Security',
  defaultLevel: 'fail',
  async run(ctx) {
    const serverSsl = (await loadSettings(ctx)).get('ssl')?.setting === 'on';
    const { rows } = await ctx.client.query<{ ssl: boolean; version: string | null }>(`SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()`);
    const used = rows[0]?.ssl ?? false;
    const evidence = [{ serverSsl, connectionEncrypted: used, tlsVersion: rows[0]?.version ?? null, remote: ctx.remote }];
    if (!ctx.remote) return skip(`local target on loopback: SSL not required (server ssl ${serverSsl ? 'on' : 'off'})`, evidence);
    if (serverSsl && used) return pass(`SSL on; this connection used ${rows[0]?.version ?? 'TLS'}`, evidence);
    return finding(serverSsl ? 'the server has SSL on but this connection was not encrypted: add sslmode=require to DATABASE_URL' : 'the server has SSL off: traffic to a remote database travels in clear text', evidence);
  },
};

export const auditLogging: CheckDefinition = {
  id: 'settings.audit-logging',
  title: 'Sensitive operations are logged (pgaudit or log_statement)',
  checklistSection: 'Database Security',
  defaultLevel: 'warn',
  async run(ctx) {
    const settings = await loadSettings(ctx);
    const preload = settings.get('shared_preload_libraries')?.setting ?? '';
    const logStatement = settings.get('log_statement')?.setting ?? 'none';
    const { rows } = await ctx.client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pgaudit') AS present`);
    const pgaudit = /\bpgaudit\b/.test(preload) && rows[0]!.present;
    const evidence = [{ pgaudit, shared_preload_libraries: preload, log_statement: logStatement }];
    if (pgaudit || ['ddl', 'mod', 'all'].includes(logStatement)) return pass(pgaudit ? 'pgaudit is loaded' : `log_statement = ${logStatement}`, evidence);
    return finding(`no audit logging: pgaudit is not loaded and log_statement = ${logStatement}`, evidence, `ALTER SYSTEM SET log_statement = 'ddl';  SELECT pg_reload_conf();  -- or load pgaudit (Supabase: enable the pgaudit extension)`);
  },
};
