import type pg from 'pg';
import type { Random } from '../../../generators/random.ts';
import type { WriteName } from '../../workloads/workload.ts';
import type { ScenarioRows } from './scenarioRows.ts';
import type { WriteData } from './writeData.ts';
import { analyticsDraft, pickWritten, metricDraft, notifyDraft, reviewDraft, submissionDraft, webhookDraft } from './writeDrafts.ts';

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
      const target = pickWritten(state);
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

async function submit(client: pg.PoolClient, state: WriteState): Promise<Written> {
  const d = submissionDraft(state);
  const reference = await client.query<{ ref: string }>({ name: 'gl_sb3', text: 'SELECT public.generate_payment_reference($1) AS ref', values: [d.country_prefix] });
  await client.query({
    name: 'gl_sb4',
    text: `INSERT INTO public.submissions (id, order_id, buyer_name, buyer_phone, buyer_email, quantity, total_amount, currency, payment_reference, source_platform)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'web') RETURNING *`,
    values: [d.id, d.order_id, d.buyer_name, d.buyer_phone, d.buyer_email, d.quantity, d.total_amount, d.currency, reference.rows[0]!.ref],
  });
  return { id: d.id, amount: d.total_amount, currency: d.currency };
}

async function paymentWebhook(client: pg.PoolClient, state: WriteState, target: Written): Promise<undefined> {
  const d = webhookDraft(state, target);
  await client.query({ name: 'gl_pg4b', text: `UPDATE public.submissions SET status = 'paid', payment_gateway = 'paymongo', payment_intent_id = $2, updated_at = now() WHERE id = $1`, values: [d.submission_id, d.payment_intent_id] });
  await client.query({
    name: 'gl_pg4c',
    text: `INSERT INTO public.payment_transactions (id, submission_id, gateway, gateway_payment_id, gateway_status, amount, currency, payment_method, paid_at, webhook_data)
           VALUES ($1, $2, 'paymongo', $3, 'paid', $4, $5, 'gcash', now(), $6) RETURNING id`,
    values: [d.transaction_id, d.submission_id, d.payment_intent_id, d.amount, d.currency, JSON.stringify(d.webhook_data)],
  });
}

async function proofReview(client: pg.PoolClient, state: WriteState, target: Written): Promise<undefined> {
  const d = reviewDraft(state, target);
  await client.query({ name: 'gl_sa5', text: 'UPDATE public.submissions SET status = $2, updated_at = now() WHERE id = $1 RETURNING id', values: [d.submission_id, d.status] });
}

async function notify(client: pg.PoolClient, state: WriteState): Promise<undefined> {
  const d = notifyDraft(state);
  await client.query({
    name: 'gl_n6',
    text: `INSERT INTO public.notifications (id, user_id, type, title, message, data, priority, channels_sent)
           VALUES ($1, $2, 'submission_payment_confirmed', 'Payment confirmed', 'Your payment was verified', '{}', 'normal', '{push}')`,
    values: [d.notification_id, d.user_id],
  });
  await client.query({ name: 'gl_n4', text: `INSERT INTO public.notification_deliveries (id, notification_id, channel, status) VALUES ($1, $2, 'push', 'sent')`, values: [d.delivery_id, d.notification_id] });
}

async function analyticsEvent(client: pg.PoolClient, state: WriteState): Promise<undefined> {
  const d = analyticsDraft(state);
  await client.query({
    name: 'gl_an0',
    text: `INSERT INTO public.analytics_events (id, event_type, user_id, order_id, platform, country, currency, event_data, session_id)
           VALUES ($1, 'submission_created', $2, $3, 'web', $4, $5, '{}', $6)`,
    values: [d.id, d.user_id, d.order_id, d.country, d.currency, d.session_id],
  });
}

async function monitoringMetric(client: pg.PoolClient, state: WriteState): Promise<undefined> {
  const d = metricDraft(state);
  await client.query({
    name: 'gl_mo1',
    text: `INSERT INTO public.monitoring_metrics (id, service_name, metric_name, metric_value, labels, timestamp) VALUES ($1, 'core-api', 'response_time_ms', $2, '{}', now())`,
    values: [d.id, d.metric_value],
  });
}
