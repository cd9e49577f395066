import type { WriteName } from './workload.ts';

/** PostgREST's single-object media type (`.single()` in supabase-js). */
export const OBJECT = 'application/vnd.pgrst.object+json';

/**
 * One request of the launch mix as the app sends it to PostgREST (gomflow-traffic.md §6.2), as
 * data both engines replay (the Node REST driver now, k6 later). `{name}` placeholders are
 * filled from the iteration's parameters (fillRestRequest): in `query`, URL-encoded; in
 * `body`, a string that is exactly `{name}` becomes the value with its JSON type. `{now}` is the
 * time the request is sent.
 */
export interface RestRequestShape {
  /** The §6.2 pattern id it replays. */
  pattern: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE';
  /** Under /rest/v1: a table or view, or `rpc/NAME`. */
  resource: string;
  /** The query string: select (embeds, aliases), filters, order, limit. */
  query?: string;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Binds the (scalar JSON) response to this parameter for the journey's next requests. */
  capture?: string;
}

/** A read journey's request; its placeholders are the catalog query's parameters (sql/queries/, the samplers' columns). */
export const READ_SHAPES: Readonly<Record<string, RestRequestShape>> = {
  'order-view': {
    pattern: 'OV1',
    method: 'GET',
    resource: 'orders',
    // §0.5: gom_id is user_id and users(full_name) is profiles(name) in the production schema.
    query: 'select=*,submission_count:submissions(count),gom_name:profiles!orders_user_id_fkey(name)&id=eq.{order_id}',
    headers: { Accept: OBJECT },
  },
  browse: {
    pattern: 'BR1',
    method: 'GET',
    resource: 'orders',
    query: 'select=id,title,description,price,currency,deadline,min_orders,max_orders,is_active,created_at,user_id,submission_count:submissions(count)&is_active=eq.true&deadline=gt.{now}&order=created_at.desc&offset=0&limit=50',
  },
  'notification-prefs': { pattern: 'N1', method: 'GET', resource: 'notification_preferences', query: 'select=*&user_id=eq.{user_id}', headers: { Accept: OBJECT } },
  'device-tokens': { pattern: 'N3', method: 'GET', resource: 'user_devices', query: 'select=fcm_token&user_id=eq.{user_id}&is_active=eq.true' },
  'payment-lookup': {
    pattern: 'PM1',
    method: 'GET',
    resource: 'submissions',
    query: 'select=*,order:orders(title,price,currency,gom_name:profiles!orders_user_id_fkey(name))&payment_reference=eq.{payment_reference}',
    headers: { Accept: OBJECT },
  },
  'pending-by-amount': {
    pattern: 'SA3',
    method: 'GET',
    resource: 'submissions',
    query: 'select=*,order:orders(*)&currency=eq.{currency}&total_amount=gte.{min_amount}&total_amount=lte.{max_amount}&status=eq.pending&order=created_at.desc',
  },
  // The sampled pattern is `%name%`: PostgREST takes `%` as well as the `*` supabase-js writes.
  'pending-by-name': { pattern: 'SA4', method: 'GET', resource: 'submissions', query: 'select=*,order:orders(*)&status=eq.pending&buyer_name=ilike.{name_pattern}&limit=50' },
  'order-pending': { pattern: 'SA1', method: 'GET', resource: 'submissions', query: 'select=*,order:orders(*)&status=eq.pending&order_id=eq.{order_id}&order=created_at.desc&limit=100' },
  'submission-count': { pattern: 'SB2', method: 'HEAD', resource: 'submissions', query: 'select=*&order_id=eq.{order_id}', headers: { Prefer: 'count=exact' } },
  'gom-submissions': {
    pattern: 'BT1',
    method: 'GET',
    resource: 'submissions',
    query: 'select=*,order:orders!inner(id,title,user_id)&order.user_id=eq.{user_id}&order=created_at.desc&offset=0&limit=20',
  },
  'gom-orders': { pattern: 'BR2', method: 'GET', resource: 'order_summaries', query: 'select=*&user_id=eq.{user_id}&order=created_at.desc&offset=0&limit=10' },
  // D1 calls get_dashboard_stats, which the production schema lacks; get_user_dashboard_stats is its counterpart.
  dashboard: { pattern: 'D1', method: 'POST', resource: 'rpc/get_user_dashboard_stats', body: { user_uuid: '{user_uuid}' } },
};

const MINIMAL = { Prefer: 'return=minimal' };

/**
 * A write journey's requests in order, as service_role (the payments, notifications and
 * monitoring services hold the service key); placeholders are the fields of the pg driver's
 * write drafts (scenarios/drivers/pg/writeDrafts.ts), so both drivers write the same rows.
 */
export const WRITE_SHAPES: Readonly<Record<WriteName, readonly RestRequestShape[]>> = {
  submit: [
    { pattern: 'SB3', method: 'POST', resource: 'rpc/generate_payment_reference', body: { country_prefix: '{country_prefix}' }, capture: 'payment_reference' },
    {
      pattern: 'SB4',
      method: 'POST',
      resource: 'submissions',
      query: 'select=*',
      headers: { Prefer: 'return=representation', Accept: OBJECT },
      body: {
        id: '{id}',
        order_id: '{order_id}',
        buyer_name: '{buyer_name}',
        buyer_phone: '{buyer_phone}',
        buyer_email: '{buyer_email}',
        quantity: '{quantity}',
        total_amount: '{total_amount}',
        currency: '{currency}',
        payment_reference: '{payment_reference}',
        source_platform: 'web',
      },
    },
  ],
  'payment-webhook': [
    {
      pattern: 'PG4b',
      method: 'PATCH',
      resource: 'submissions',
      query: 'id=eq.{submission_id}',
      headers: MINIMAL,
      body: { status: 'paid', payment_gateway: 'paymongo', payment_intent_id: '{payment_intent_id}', updated_at: '{now}' },
    },
    {
      pattern: 'PG4c',
      method: 'POST',
      resource: 'payment_transactions',
      query: 'select=id',
      headers: { Prefer: 'return=representation' },
      body: {
        id: '{transaction_id}',
        submission_id: '{submission_id}',
        gateway: 'paymongo',
        gateway_payment_id: '{payment_intent_id}',
        gateway_status: 'paid',
        amount: '{amount}',
        currency: '{currency}',
        payment_method: 'gcash',
        paid_at: '{now}',
        webhook_data: '{webhook_data}',
      },
    },
  ],
  'proof-review': [{ pattern: 'SA5', method: 'PATCH', resource: 'submissions', query: 'id=eq.{submission_id}', headers: MINIMAL, body: { status: '{status}', updated_at: '{now}' } }],
  notify: [
    {
      pattern: 'N6',
      method: 'POST',
      resource: 'notifications',
      headers: MINIMAL,
      body: {
        id: '{notification_id}',
        user_id: '{user_id}',
        type: 'submission_payment_confirmed',
        title: 'Payment confirmed',
        message: 'Your payment was verified',
        data: {},
        priority: 'normal',
        channels_sent: ['push'],
      },
    },
    { pattern: 'N4', method: 'POST', resource: 'notification_deliveries', headers: MINIMAL, body: { id: '{delivery_id}', notification_id: '{notification_id}', channel: 'push', status: 'sent' } },
  ],
  'analytics-event': [
    {
      pattern: 'AN0',
      method: 'POST',
      resource: 'analytics_events',
      headers: MINIMAL,
      body: { id: '{id}', event_type: 'submission_created', user_id: '{user_id}', order_id: '{order_id}', platform: 'web', country: '{country}', currency: '{currency}', event_data: {}, session_id: '{session_id}' },
    },
  ],
  'monitoring-metric': [
    {
      pattern: 'MO1',
      method: 'POST',
      resource: 'monitoring_metrics',
      headers: MINIMAL,
      body: { id: '{id}', service_name: 'core-api', metric_name: 'response_time_ms', metric_value: '{metric_value}', labels: {}, timestamp: '{now}' },
    },
  ],
};

/** How the report names an endpoint: method and table, view or rpc (`GET orders`, `POST rpc/generate_payment_reference`). */
export function endpointOf(shape: Pick<RestRequestShape, 'method' | 'resource'>): string {
  return `${shape.method} ${shape.resource}`;
}
