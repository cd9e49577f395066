import type pg from 'pg';
import type { Random } from '../../../generators/random.ts';
import type { WriteName } from '../../workloads/workload.ts';
import type { ScenarioRows } from './scenarioRows.ts';
import type { OrderRow, WriteData } from './writeData.ts';

/** A submission this scenario wrote, so later journeys (webhook, review) act on its own rows only. */
export interface Written {
  id: string;
  amount: number;
  currency: string;
}

/** What the writes share during a run. */
export interface WriteState {
  rows: ScenarioRows;
  data: WriteData;
  random: Random;
  /** Share (0–1) of submissions that go to a hot order. */
  hotShare: number;
  /** The latest submissions written (bounded), for the webhook and proof review. */
  submissions: Written[];
}

const MAX_REMEMBERED = 10_000;

/**
 * The app's write transactions, as service_role (the payments, notifications and monitoring
 * services run with the service key). Each statement is named, so node-postgres prepares it
 * once per connection as PostgREST does. Updates touch only rows this scenario wrote: a run
 * leaves the seeded rows exactly as they were. Returns the submission a submit wrote: the
 * caller remembers it (rememberSubmission) only once its transaction has committed.
 */
export async function runWrite(name: WriteName, client: pg.PoolClient, state: WriteState): Promise<Written | undefined> {
  switch (name) {
    case 'submit':
      return submit(client, state);
    case 'payment-webhook':
    case 'proof-review': {
      const target = state.submissions.length > 0 ? state.random.pick(state.submissions) : undefined;
      // Until the run has written a submission there is nothing of its own to pay or review.
      if (!target) return submit(client, state);
      return name === 'payment-webhook' ? paymentWebhook(client, state, target) : proofReview(client, state, target);
    }
    case 'notify':
      return notify(client, state);
    case 'analytics-event':
      return analyticsEvent(client, state);
    case 'monitoring-metric':
      return monitoringMetric(client, state);
  }
}

/**
 * Makes a committed submission available to the webhook and proof review. Never before the
 * commit: another virtual user would pay a submission it cannot see yet, and its
 * payment_transactions insert fails the foreign key (23503) — or the submit rolls back.
 */
export function rememberSubmission(state: WriteState, written: Written): void {
  state.submissions.push(written);
  if (state.submissions.length > MAX_REMEMBERED) state.submissions.shift();
}

function pickOrder(state: WriteState): OrderRow {
  const { hotOrders, orders } = state.data;
  return state.random.pick(state.random.chance(state.hotShare) && hotOrders.length > 0 ? hotOrders : orders);
}

async function submit(client: pg.PoolClient, state: WriteState): Promise<Written> {
  const order = pickOrder(state);
  const quantity = state.random.int(1, 3);
  const reference = await client.query<{ ref: string }>({ name: 'gl_sb3', text: 'SELECT public.generate_payment_reference($1) AS ref', values: [order.currency === 'PHP' ? 'PH' : 'MY'] });
  const id = state.rows.nextId('public.submissions');
  const amount = Math.round(order.price * quantity * 100) / 100;
  await client.query({
    name: 'gl_sb4',
    text: `INSERT INTO public.submissions (id, order_id, buyer_name, buyer_phone, buyer_email, quantity, total_amount, currency, payment_reference, source_platform)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'web') RETURNING *`,
    values: [id, order.id, `Load Buyer ${state.random.int(1, 99_999)}`, `+63917${state.random.int(1_000_000, 9_999_999)}`, null, quantity, amount, order.currency, reference.rows[0]!.ref],
  });
  return { id, amount, currency: order.currency };
}

async function paymentWebhook(client: pg.PoolClient, state: WriteState, target: Written): Promise<undefined> {
  const intent = `pi_load_${state.random.int(1, 2 ** 30)}`;
  await client.query({ name: 'gl_pg4b', text: `UPDATE public.submissions SET status = 'paid', payment_gateway = 'paymongo', payment_intent_id = $2, updated_at = now() WHERE id = $1`, values: [target.id, intent] });
  await client.query({
    name: 'gl_pg4c',
    text: `INSERT INTO public.payment_transactions (id, submission_id, gateway, gateway_payment_id, gateway_status, amount, currency, payment_method, paid_at, webhook_data)
           VALUES ($1, $2, 'paymongo', $3, 'paid', $4, $5, 'gcash', now(), $6) RETURNING id`,
    values: [state.rows.nextId('public.payment_transactions'), target.id, intent, target.amount, target.currency, JSON.stringify({ type: 'payment.paid', data: { id: intent, amount: target.amount * 100 } })],
  });
}

async function proofReview(client: pg.PoolClient, state: WriteState, target: Written): Promise<undefined> {
  const status = state.random.chance(0.9) ? 'paid' : 'cancelled';
  await client.query({ name: 'gl_sa5', text: 'UPDATE public.submissions SET status = $2, updated_at = now() WHERE id = $1 RETURNING id', values: [target.id, status] });
}

async function notify(client: pg.PoolClient, state: WriteState): Promise<undefined> {
  const id = state.rows.nextId('public.notifications');
  await client.query({
    name: 'gl_n6',
    text: `INSERT INTO public.notifications (id, user_id, type, title, message, data, priority, channels_sent)
           VALUES ($1, $2, 'submission_payment_confirmed', 'Payment confirmed', 'Your payment was verified', '{}', 'normal', '{push}')`,
    values: [id, state.random.pick(state.data.users)],
  });
  await client.query({ name: 'gl_n4', text: `INSERT INTO public.notification_deliveries (id, notification_id, channel, status) VALUES ($1, $2, 'push', 'sent')`, values: [state.rows.nextId('public.notification_deliveries'), id] });
}

async function analyticsEvent(client: pg.PoolClient, state: WriteState): Promise<undefined> {
  const order = pickOrder(state);
  await client.query({
    name: 'gl_an0',
    text: `INSERT INTO public.analytics_events (id, event_type, user_id, order_id, platform, country, currency, event_data, session_id)
           VALUES ($1, 'submission_created', $2, $3, 'web', $4, $5, '{}', $6)`,
    values: [state.rows.nextId('public.analytics_events'), state.random.pick(state.data.users), order.id, order.currency === 'PHP' ? 'PH' : 'MY', order.currency, `load-${state.rows.runId}`],
  });
}

async function monitoringMetric(client: pg.PoolClient, state: WriteState): Promise<undefined> {
  await client.query({
    name: 'gl_mo1',
    text: `INSERT INTO public.monitoring_metrics (id, service_name, metric_name, metric_value, labels, timestamp) VALUES ($1, 'core-api', 'response_time_ms', $2, '{}', now())`,
    values: [state.rows.nextId('public.monitoring_metrics'), state.random.int(5, 250)],
  });
}
