import type { TableSpec } from '../types.ts';
import { order } from '../world/orders.ts';
import { submissionOf } from '../world/submissions.ts';
import { at } from './rowValues.ts';

/**
 * submissions: the hot table. Columns as SB5c inserts them plus what PG3 (checkout opened),
 * PG4/PG5 (paid/failed webhooks), expiry and reminders later update.
 */
export const submissionsSpec: TableSpec = {
  table: 'public.submissions',
  columns: [
    'id', 'order_id', 'buyer_name', 'buyer_phone', 'buyer_email', 'buyer_platform', 'buyer_platform_id', 'quantity',
    'total_amount', 'currency', 'payment_reference', 'payment_gateway', 'payment_intent_id', 'checkout_session_id',
    'payment_url', 'status', 'source_platform', 'utm_source', 'last_reminder_sent', 'reminder_count', 'created_at', 'updated_at',
  ],
  dependsOn: ['public.orders'],
  estimateRows: (ctx) => ctx.counts.submissions,
  *rows(ctx) {
    for (let j = 0; j < ctx.counts.orders; j += 1) {
      const o = order(ctx, j);
      for (let k = 0; k < o.submissionCount; k += 1) {
        const s = submissionOf(ctx, o, k);
        yield [
          s.id, s.orderId, s.buyerName, s.buyerPhone, s.buyerEmail, s.buyerPlatform, s.buyerPlatformId, s.quantity,
          s.totalAmount, s.currency, s.paymentReference, s.paymentGateway, s.paymentIntentId, s.checkoutSessionId,
          s.paymentUrl, s.status, s.sourcePlatform, s.utmSource, at(s.lastReminderSentMs), s.reminderCount,
          at(s.createdAtMs), at(s.updatedAtMs),
        ];
      }
    }
  },
};
