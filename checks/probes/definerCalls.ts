import { finding, pass, skip, type CheckDefinition, type Evidence } from '../checkTypes.ts';
import { freshCopy, insertRow, ownedRows } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { deniedByPrivileges, type Persona, type ProbeSession } from './probeSession.ts';
import { loadTableMeta } from './tableMeta.ts';

// Tables cleanup_old_data() deletes from; counted before and after the call.
const PURGED = ['notifications', 'analytics_events', 'monitoring_metrics', 'submissions', 'messages'];

/**
 * probe.security-definer-calls: GOMFLOW's SECURITY DEFINER functions run as their owner and
 * check nothing about the caller. anon (and GOM B, for the per-user ones) call them with GOM A's
 * ids inside a rolled-back transaction: reading A's unread count, marking A's notification
 * read, purging data, reading global row counts.
 */
export const securityDefinerCalls = probeCheck({
  id: 'probe.security-definer-calls',
  title: "SECURITY DEFINER functions refuse callers acting on another user's data",
  checklistSection: 'Database Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0028', '0029'], beyond: 'live probe as real users in a rolled-back transaction; splinter only reads the catalog: calls each function with another user\'s ids' },
  async run(ctx, personas, inProbe) {
    const { rows: present } = await ctx.client.query<{ name: string; signature: string }>(
      `SELECT p.proname AS name, p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.prosecdef AND p.proname = ANY ($1::text[])`,
      [['get_unread_notification_count', 'mark_notification_read', 'cleanup_old_data', 'database_health_check']],
    );
    if (present.length === 0) return skip("none of GOMFLOW's SECURITY DEFINER functions exists here (or they are no longer SECURITY DEFINER)");
    const has = (name: string) => present.find((p) => p.name === name);
    const tables = await loadTableMeta(ctx);
    const evidence: Evidence[] = [];
    const revoke = new Set<string>();
    const record = (fn: string, persona: Persona, args: string, result: string, leak: boolean, extra: Evidence = {}) => {
      evidence.push({ function: has(fn)!.signature, persona: persona.label, arguments: args, result, leak, ...extra });
      const takesUser = /\(.+\)/.test(has(fn)!.signature);
      if (leak) revoke.add(`REVOKE EXECUTE ON FUNCTION public.${has(fn)!.signature} FROM PUBLIC, anon, authenticated;${takesUser ? '  -- or have it compare its user argument with auth.uid()' : '  -- for the services (service_role) and scheduled jobs only'}`);
    };
    const outcome = (attempt: { ok: boolean; error?: string; sqlState?: string }) => (deniedByPrivileges(attempt as never) ? 'denied' : `error: ${attempt.error}`);

    for (const caller of [personas.anon, personas.gomB]) {
      await inProbe(async (session) => {
        const victim = personas.gomA.userId!;
        const notification = await unreadNotification(ctx, session, victim, tables.get('public.notifications'));
        if (has('get_unread_notification_count') && notification) {
          const truth = await count(session, `SELECT count(*)::int AS n FROM public.notifications WHERE user_id = $1 AND read_at IS NULL AND (expires_at IS NULL OR expires_at > now())`, [victim]);
          const attempt = await session.attemptAs(caller, 'SELECT public.get_unread_notification_count($1) AS n', [victim]);
          const got = attempt.ok ? Number(attempt.first?.n) : null;
          record('get_unread_notification_count', caller, "GOM A's user id", attempt.ok ? `returned ${got} (GOM A has ${truth} unread)` : outcome(attempt), attempt.ok && got === truth && truth > 0);
        }
        if (has('mark_notification_read') && notification) {
          const attempt = await session.attemptAs(caller, 'SELECT public.mark_notification_read($1, $2) AS changed', [notification, victim]);
          const changed = attempt.ok && attempt.first?.changed === true;
          record('mark_notification_read', caller, "GOM A's notification id and user id", attempt.ok ? (changed ? "marked GOM A's notification read (1 row changed)" : 'changed nothing') : outcome(attempt), changed, { rows: changed ? 1 : 0 });
        }
        if (caller === personas.anon && has('cleanup_old_data')) {
          // Something old enough to purge: a message of GOM A's from 61 days ago.
          const messages = tables.get('public.messages');
          const [message] = messages ? await ownedRows(ctx, session, 'public.messages', victim, 1) : [];
          if (messages && message) await insertRow(session, messages, { ...freshCopy(messages, message), created_at: new Date(Date.now() - 61 * 86_400_000).toISOString() });
          const before = await purgeCounts(session);
          await session.client.query('SAVEPOINT cleanup_call');
          await session.as(caller);
          const attempt = await session.keep('SELECT public.cleanup_old_data()');
          await session.asOwner();
          const after = attempt.ok ? await purgeCounts(session) : before;
          await session.client.query('ROLLBACK TO SAVEPOINT cleanup_call');
          const deleted = Object.fromEntries(Object.entries(before).map(([t, n]) => [t, n - (after[t] ?? n)]));
          const total = Object.values(deleted).reduce((a, b) => a + b, 0);
          const what = Object.entries(deleted).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ');
          record('cleanup_old_data', caller, '(none)', attempt.ok ? `ran and deleted ${total} rows (${what || 'none old enough'}), rolled back` : outcome(attempt), attempt.ok, { rowsDeleted: deleted });
        }
        if (caller === personas.anon && has('database_health_check')) {
          const attempt = await session.attemptAs(caller, 'SELECT public.database_health_check() AS result');
          const counts = attempt.ok ? (attempt.first?.result as { table_counts?: unknown } | undefined)?.table_counts : undefined;
          record('database_health_check', caller, '(none)', attempt.ok ? `returned row counts of every user's data: ${JSON.stringify(counts)}` : outcome(attempt), attempt.ok);
        }
      });
    }
    const leaks = evidence.filter((e) => e.leak === true);
    if (leaks.length === 0) return pass(`${present.length} SECURITY DEFINER functions probed as anon and GOM B: none acts on GOM A's data`, evidence);
    return finding(`${leaks.map((l) => `${l.persona} ran ${String(l.function).replace(/\(.*$/, '')}`).join(', ')}`, evidence, [...revoke].join('\n'));
  },
});

async function count(session: ProbeSession, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await session.client.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

async function purgeCounts(session: ProbeSession): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of PURGED) {
    const { rows } = await session.client.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`public.${table}`]);
    if (rows[0]!.ok) out[table] = await count(session, `SELECT count(*)::int AS n FROM public.${table}`);
  }
  return out;
}

/** An unread notification of the user: theirs if they have one, else made now. */
async function unreadNotification(ctx: Parameters<CheckDefinition['run']>[0], session: ProbeSession, userId: string, meta: Parameters<typeof freshCopy>[0] | undefined): Promise<string | null> {
  if (!meta) return null;
  const { rows } = await session.client.query<{ id: string }>(
    `SELECT id::text FROM public.notifications WHERE user_id = $1 AND read_at IS NULL AND (expires_at IS NULL OR expires_at > now()) ORDER BY id LIMIT 1`,
    [userId],
  );
  if (rows[0]) return rows[0].id;
  const [any] = await ownedRows(ctx, session, 'public.notifications', userId, 1);
  if (!any) return null;
  if (any.read_at === null && any.expires_at === null) return String(any.id);
  const made = await insertRow(session, meta, { ...freshCopy(meta, any), user_id: userId, read_at: null, expires_at: null });
  return String(made.id);
}
