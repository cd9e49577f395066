import { randomUUID } from 'node:crypto';
import { finding, pass, skip, type CheckContext, type Evidence } from '../checkTypes.ts';
import { ident } from '../sqlText.ts';
import { anyRow, freshCopy, insertRow, ownedRows, synthesizeRow, type Row } from './fixtures.ts';
import type { Personas } from './personas.ts';
import { probeCheck } from './probeCheck.ts';
import type { ProbeSession } from './probeSession.ts';
import { loadTableMeta } from './tableMeta.ts';

interface FunctionRow {
  name: string;
  signature: string;
  argNames: string[] | null;
  argTypes: string[];
}

/** Sample rows a function can be called with: GOM A, one of A's orders, one of A's notifications. */
async function samples(ctx: CheckContext, session: ProbeSession, personas: Personas): Promise<{ user: string; order: Row | null; notification: Row | null }> {
  const user = personas.gomA.userId!;
  const tables = await loadTableMeta(ctx);
  const [order] = tables.has('public.orders') ? await ownedRows(ctx, session, 'public.orders', user, 1) : [];
  const [notification] = tables.has('public.notifications') ? await ownedRows(ctx, session, 'public.notifications', user, 1) : [];
  return { user, order: order ?? null, notification: notification ?? null };
}

/** An argument for a parameter, by its name and type: order_uuid an order, user_uuid a user, text a country prefix. */
function argumentFor(name: string, type: string, s: Awaited<ReturnType<typeof samples>>): unknown {
  if (type === 'uuid') return /order/.test(name) ? s.order?.id : /notification/.test(name) ? s.notification?.id : s.user;
  if (type === 'text' || type.startsWith('character')) return 'PH';
  if (/int|numeric/.test(type)) return 1;
  if (type === 'boolean') return true;
  return null;
}

/** schema.functions-executable: every non-trigger function in public runs on sample data (as the owner, rolled back). */
export const functionsExecutable = probeCheck({
  id: 'schema.functions-executable',
  title: 'Every function runs on sample data',
  checklistSection: 'Phase 2: Schema Validation',
  defaultLevel: 'fail',
  async run(ctx, personas, inProbe) {
    const { rows } = await ctx.client.query<FunctionRow>(
      `SELECT p.proname AS name, p.oid::regprocedure::text AS signature, p.proargnames AS "argNames",
              ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) AS t) AS "argTypes"
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype
         AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
       ORDER BY p.proname`,
    );
    if (rows.length === 0) return skip('no functions in public');
    const evidence: Evidence[] = [];
    await inProbe(async (session) => {
      const s = await samples(ctx, session, personas);
      for (const fn of rows) {
        const args = fn.argTypes.map((type, i) => argumentFor(fn.argNames?.[i] ?? '', type, s));
        const call = `SELECT public.${ident(fn.name)}(${args.map((_, i) => `$${i + 1}::${fn.argTypes[i]}`).join(', ')}) AS result`;
        const attempt = await session.attempt(call, args);
        evidence.push({ function: fn.signature, ran: attempt.ok, result: attempt.ok ? short(attempt.first?.result) : attempt.error });
      }
    });
    const failed = evidence.filter((e) => !e.ran);
    if (failed.length === 0) return pass(`all ${rows.length} functions ran on sample data (triggers: see triggers.sample-operations)`, evidence);
    return finding(`${failed.length} of ${rows.length} functions fail: ${failed.map((e) => `${e.function}: ${e.result}`).join('; ')}`, evidence);
  },
});

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/**
 * functions.sample-data: GOMFLOW's reporting functions agree with the same numbers computed
 * directly (as the owner, so RLS plays no part), and payment references have their format.
 */
export const functionsSampleData = probeCheck({
  id: 'functions.sample-data',
  title: "GOMFLOW's functions return the right numbers on sample data",
  checklistSection: 'Initial Data Setup',
  defaultLevel: 'warn',
  async run(ctx, personas, inProbe) {
    const { rows: fns } = await ctx.client.query<{ name: string }>(`SELECT proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`);
    const has = new Set(fns.map((f) => f.name));
    const evidence: Evidence[] = [];
    await inProbe(async (session) => {
      const s = await samples(ctx, session, personas);
      const compare = async (fn: string, call: string, direct: string, params: unknown[]) => {
        if (!has.has(fn)) return;
        const got = await session.attempt(call, params);
        const want = await session.attempt(direct, params);
        const a = got.ok ? got.first?.result : got.error;
        const b = want.ok ? want.first?.result : want.error;
        evidence.push({ function: fn, returned: a, expected: b, ok: got.ok && JSON.stringify(a) === JSON.stringify(b) });
      };
      if (s.order) {
        await compare('get_order_stats', 'SELECT public.get_order_stats($1)::jsonb AS result', ORDER_STATS, [s.order.id]);
      }
      await compare('get_user_dashboard_stats', 'SELECT public.get_user_dashboard_stats($1)::jsonb AS result', DASHBOARD_STATS, [s.user]);
      await compare('get_unread_notification_count', 'SELECT public.get_unread_notification_count($1) AS result', `SELECT count(*)::int AS result FROM public.notifications WHERE user_id = $1 AND read_at IS NULL AND (expires_at IS NULL OR expires_at > now())`, [s.user]);
      if (has.has('generate_payment_reference')) {
        const ref = await session.attempt(`SELECT public.generate_payment_reference('PH') AS result`);
        const value = ref.ok ? String(ref.first?.result) : ref.error;
        evidence.push({ function: 'generate_payment_reference', returned: value, expected: 'PH- and 8 upper-case hex digits', ok: ref.ok && /^PH-[0-9A-F]{8}$/.test(String(value)) });
      }
    });
    const wrong = evidence.filter((e) => e.ok !== true);
    if (evidence.length === 0) return skip("none of GOMFLOW's reporting functions exists");
    if (wrong.length === 0) return pass(`${evidence.length} functions agree with direct SQL on sample data`, evidence);
    return finding(`${wrong.length} functions disagree with direct SQL: ${wrong.map((e) => e.function).join(', ')}`, evidence);
  },
});

const ORDER_STATS = `SELECT jsonb_build_object(
  'total_submissions', count(*), 'pending_submissions', count(*) FILTER (WHERE status = 'pending'),
  'paid_submissions', count(*) FILTER (WHERE status = 'paid'), 'total_quantity', coalesce(sum(quantity), 0),
  'total_revenue', coalesce(sum(total_amount) FILTER (WHERE status = 'paid'), 0),
  'pending_revenue', coalesce(sum(total_amount) FILTER (WHERE status = 'pending'), 0)) AS result
  FROM public.submissions WHERE order_id = $1`;

const DASHBOARD_STATS = `SELECT jsonb_build_object(
  'total_orders', (SELECT count(*) FROM public.orders WHERE user_id = $1),
  'active_orders', (SELECT count(*) FROM public.orders WHERE user_id = $1 AND is_active),
  'total_submissions', (SELECT count(*) FROM public.submissions s JOIN public.orders o ON o.id = s.order_id WHERE o.user_id = $1),
  'total_revenue', (SELECT coalesce(sum(s.total_amount), 0) FROM public.submissions s JOIN public.orders o ON o.id = s.order_id WHERE o.user_id = $1 AND s.status = 'paid'),
  'pending_revenue', (SELECT coalesce(sum(s.total_amount), 0) FROM public.submissions s JOIN public.orders o ON o.id = s.order_id WHERE o.user_id = $1 AND s.status = 'pending')) AS result`;

/**
 * triggers.sample-operations: each updated_at trigger moves updated_at on an update, and a new
 * profile gets its notification preferences, on rows made inside the rolled-back probe.
 */
export const triggersSampleOperations = probeCheck({
  id: 'triggers.sample-operations',
  title: 'Triggers fire on sample inserts and updates',
  checklistSection: 'Initial Data Setup',
  defaultLevel: 'warn',
  async run(ctx, personas, inProbe) {
    const { rows: triggers } = await ctx.client.query<{ table: string; trigger: string; function: string }>(
      `SELECT c.relname AS table, t.tgname AS trigger, p.proname AS function FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1, 2`,
    );
    if (triggers.length === 0) return skip('no triggers');
    const tables = await loadTableMeta(ctx);
    const evidence: Evidence[] = [];
    await inProbe(async (session) => {
      for (const t of triggers) {
        const meta = tables.get(`public.${t.table}`);
        if (!meta) continue;
        if (t.function === 'update_updated_at_column') {
          // A row written before this transaction (updated_at < now()); else a copy dated 2000, inserted now.
          const key = meta.primaryKey[0]!;
          const keyType = meta.columns.find((c) => c.name === key)!.type;
          const { rows: old } = await session.client.query<{ id: string }>(`SELECT ${ident(key)}::text AS id FROM ${meta.sql} WHERE updated_at < now() LIMIT 1`);
          const id = old[0]?.id ?? String((await insertRow(session, meta, { ...freshCopy(meta, await anyRow(ctx, session, meta.name)), updated_at: '2000-01-01T00:00:00+00:00' }))[key]);
          const updated = await session.keep(`UPDATE ${meta.sql} SET ${ident(key)} = ${ident(key)} WHERE ${ident(key)} = $1::${keyType} RETURNING updated_at = now() AS fired`, [id]);
          evidence.push({ trigger: `${t.table}.${t.trigger}`, operation: 'UPDATE', expected: 'updated_at = now()', ok: updated.ok && updated.first?.fired === true, result: updated.ok ? String(updated.first?.fired) : updated.error });
        } else if (t.function === 'create_default_notification_preferences' && tables.has('public.notification_preferences')) {
          const id = randomUUID();
          await session.client.query(`INSERT INTO auth.users (id, aud, role, email) VALUES ($1, 'authenticated', 'authenticated', $2)`, [id, `probe-${id.slice(0, 8)}@gomflow-probe.invalid`]);
          await insertRow(session, meta, { ...synthesizeRow(meta), user_id: id });
          const { rows } = await session.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM public.notification_preferences WHERE user_id = $1`, [id]);
          evidence.push({ trigger: `${t.table}.${t.trigger}`, operation: 'INSERT profile', expected: '1 notification_preferences row', ok: rows[0]!.n === 1, result: `${rows[0]!.n} rows` });
        } else {
          evidence.push({ trigger: `${t.table}.${t.trigger}`, operation: '(not exercised)', ok: true, result: `calls ${t.function}` });
        }
      }
    });
    const broken = evidence.filter((e) => e.ok !== true);
    if (broken.length === 0) return pass(`${evidence.filter((e) => e.operation !== '(not exercised)').length} triggers fired as expected`, evidence);
    return finding(`${broken.length} triggers did not do their job: ${broken.map((e) => e.trigger).join(', ')}`, evidence);
  },
});
