import { finding, pass, skip, type CheckDefinition, type Evidence } from '../checkTypes.ts';
import { ident } from '../sqlText.ts';
import { culprits, restrictPolicy } from './culprits.ts';
import { anyRow, freshCopy, insertRow, ownedRows, type Row } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { deniedByPrivileges, type Persona, type ProbeSession } from './probeSession.ts';
import { loadTableMeta, type TableMeta } from './tableMeta.ts';

// What the insert policy should add: a new submission is pending and costs quantity × price.
const HONEST_SUBMISSION =
  "status = 'pending'::submission_status AND total_amount = quantity::numeric * (SELECT o.price FROM public.orders o WHERE o.id = submissions.order_id)";

/**
 * probe.anon-paid-submission: anonymous buyers may submit to an open order (the app's flow), but
 * not decide the outcome. anon and a signed-in buyer each insert, into GOM B's open order, one
 * honest submission (pending, quantity × price) and one already `paid` for 0.
 */
export const anonPaidSubmission = probeCheck({
  id: 'probe.anon-paid-submission',
  title: 'Buyers cannot submit an order already paid (or at a price of their choosing)',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: [], beyond: 'live probe as real users in a rolled-back transaction; splinter only reads the catalog' },
  async run(ctx, personas, inProbe) {
    const tables = await loadTableMeta(ctx);
    const submissions = tables.get('public.submissions');
    if (!submissions || !tables.has('public.orders')) return skip('no submissions or orders table');
    const evidence: Evidence[] = [];
    const fixes = new Set<string>();
    await inProbe(async (session) => {
      const order = await openOrder(ctx, session, tables.get('public.orders')!, personas.gomB.userId!);
      const template = await anyRow(ctx, session, 'public.submissions');
      const price = Number(order.price);
      for (const buyer of [personas.anon, personas.buyer]) {
        const honest = submission(submissions, template, order, { status: 'pending', quantity: 2, total_amount: (2 * price).toFixed(2) });
        const forged = submission(submissions, template, order, { status: 'paid', quantity: 1, total_amount: '0.00' });
        evidence.push(await tryInsert(session, submissions, buyer, honest, { expect: 'accepted', order: String(order.id), price }));
        const row = await tryInsert(session, submissions, buyer, forged, { expect: 'rejected', order: String(order.id), price });
        if (row.leak) {
          const blamed = await culprits(ctx, session, submissions, buyer, 'INSERT', forged);
          row.policies = blamed.map((p) => p.name).join(' | ');
          for (const p of blamed) fixes.add(restrictPolicy(p, 'INSERT', HONEST_SUBMISSION));
        }
        evidence.push(row);
      }
    });
    const leaks = evidence.filter((e) => e.leak === true);
    const blocked = evidence.filter((e) => e.expect === 'accepted' && e.result !== 'accepted');
    const note = blocked.length ? `; note: honest submissions were rejected for ${blocked.map((e) => e.persona).join(', ')}` : '';
    if (leaks.length === 0) return pass(`neither anon nor a signed-in buyer can insert a paid submission${note}`, evidence);
    return finding(`${leaks.map((l) => l.persona).join(' and ')} inserted a submission already 'paid' with total_amount 0 into an open order${note}`, evidence, [...fixes].join('\n'));
  },
});

/** An open order of GOM B's (active, deadline ahead), made inside the probe if B has none. */
async function openOrder(ctx: Parameters<CheckDefinition['run']>[0], session: ProbeSession, orders: TableMeta, gom: string): Promise<Row> {
  const { rows } = await session.client.query<{ row: Row }>(`SELECT to_jsonb(o.*) AS row FROM public.orders o WHERE user_id = $1 AND is_active AND deadline > now() + interval '1 hour' ORDER BY id LIMIT 1`, [gom]);
  if (rows[0]) return rows[0].row;
  const [any] = await ownedRows(ctx, session, 'public.orders', gom, 1);
  return insertRow(session, orders, { ...freshCopy(orders, any!), is_active: true, deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() });
}

function submission(meta: TableMeta, template: Row, order: Row, values: { status: string; quantity: number; total_amount: string }): Row {
  return { ...freshCopy(meta, template), order_id: order.id, currency: order.currency, ...values, payment_reference: `PROBE-${Math.random().toString(16).slice(2, 10).toUpperCase()}` };
}

async function tryInsert(session: ProbeSession, meta: TableMeta, buyer: Persona, row: Row, context: { expect: 'accepted' | 'rejected'; order: string; price: number }): Promise<Evidence> {
  const columns = meta.columns.filter((c) => c.insertable && c.name in row).map((c) => ident(c.name));
  // No RETURNING: PostgREST's insert without `select` (with it, the missing buyer SELECT policy rejects every insert).
  const attempt = await session.attemptAs(buyer, `INSERT INTO public.submissions (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_record(NULL::public.submissions, $1)`, [JSON.stringify(row)]);
  const result = attempt.ok ? 'accepted' : deniedByPrivileges(attempt) ? 'rejected by RLS' : `error: ${attempt.error}`;
  return {
    table: 'public.submissions',
    persona: buyer.label,
    operation: 'INSERT',
    order: context.order,
    values: { status: row.status, quantity: row.quantity, total_amount: row.total_amount, orderPrice: context.price },
    expect: context.expect,
    result,
    rows: attempt.ok ? 1 : 0,
    leak: context.expect === 'rejected' && attempt.ok,
  };
}
