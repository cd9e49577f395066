import type { OrderRow } from './writeData.ts';
import type { WriteState, Written } from './writeStatements.ts';

/**
 * The values of the app's writes, drawn once per iteration from the run's state: the pg driver
 * binds them as SQL parameters, the REST driver fills them into request bodies
 * (scenarios/workloads/restShapes.ts), so both drivers write the same rows. Ids come from the
 * scenario's run, so clean-up finds every row.
 */
export function pickOrder(state: WriteState): OrderRow {
  const { hotOrders, orders } = state.data;
  return state.random.pick(state.random.chance(state.hotShare) && hotOrders.length > 0 ? hotOrders : orders);
}

/** A committed submission of this run for the webhook or the proof review; none until the run has written one. */
export function pickWritten(state: WriteState): Written | undefined {
  return state.submissions.length > 0 ? state.random.pick(state.submissions) : undefined;
}

/** SB3 + SB4: a web submission to a (mostly hot) order; its payment reference comes from generate_payment_reference. */
export function submissionDraft(state: WriteState) {
  const order = pickOrder(state);
  const quantity = state.random.int(1, 3);
  return {
    id: state.rows.nextId('public.submissions'),
    order_id: order.id,
    buyer_name: `Load Buyer ${state.random.int(1, 99_999)}`,
    buyer_phone: `+63917${state.random.int(1_000_000, 9_999_999)}`,
    buyer_email: null,
    quantity,
    total_amount: Math.round(order.price * quantity * 100) / 100,
    currency: order.currency,
    country_prefix: order.currency === 'PHP' ? 'PH' : 'MY',
  };
}

/** PG4b + PG4c: the gateway's paid webhook for a submission this run wrote. */
export function webhookDraft(state: WriteState, target: Written) {
  const intent = `pi_load_${state.random.int(1, 2 ** 30)}`;
  return {
    submission_id: target.id,
    payment_intent_id: intent,
    transaction_id: state.rows.nextId('public.payment_transactions'),
    amount: target.amount,
    currency: target.currency,
    webhook_data: { type: 'payment.paid', data: { id: intent, amount: target.amount * 100 } },
  };
}

/** SA5: the GOM's verdict on a proof, for a submission this run wrote. */
export function reviewDraft(state: WriteState, target: Written) {
  return { submission_id: target.id, status: state.random.chance(0.9) ? 'paid' : 'cancelled' };
}

/** N6 + N4: a notification to a seeded user and its push delivery. */
export function notifyDraft(state: WriteState) {
  return { notification_id: state.rows.nextId('public.notifications'), user_id: state.random.pick(state.data.users), delivery_id: state.rows.nextId('public.notification_deliveries') };
}

/** AN0: the designed analytics event of a submission. */
export function analyticsDraft(state: WriteState) {
  const order = pickOrder(state);
  return {
    id: state.rows.nextId('public.analytics_events'),
    user_id: state.random.pick(state.data.users),
    order_id: order.id,
    country: order.currency === 'PHP' ? 'PH' : 'MY',
    currency: order.currency,
    session_id: `load-${state.rows.runId}`,
  };
}

/** MO1/MO2: one service metric. */
export function metricDraft(state: WriteState) {
  return { id: state.rows.nextId('public.monitoring_metrics'), metric_value: state.random.int(5, 250) };
}
