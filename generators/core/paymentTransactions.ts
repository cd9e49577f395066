import { BILLPLZ_FAILURES, FPX_BANKS, PAYMONGO_FAILURES } from '../catalog/gateways.ts';
import { rngFor, type Random } from '../random.ts';
import type { SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { order } from '../world/orders.ts';
import { submissionOf, token, type Submission } from '../world/submissions.ts';
import { at } from './rowValues.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/**
 * payment_transactions, as the payments service's webhook handlers insert them (PG4 on
 * `payment.paid` / Billplz `paid`, PG5 on failures): exactly one successful transaction per
 * paid submission, recorded a few seconds after the payment, plus the failed attempts before
 * it and the failures of failed submissions. webhook_data is the gateway's callback body,
 * serialised here as JSON text (cheaper than building an object for the loader to stringify).
 */
export const paymentTransactionsSpec: TableSpec = {
  table: 'public.payment_transactions',
  columns: ['id', 'submission_id', 'gateway', 'gateway_payment_id', 'gateway_status', 'amount', 'currency', 'payment_method', 'paid_at', 'webhook_data', 'created_at'],
  dependsOn: ['public.submissions'],
  // 80 % of closed-drop and ~55 % of open-drop submissions are paid; 7 % of those and all
  // failed ones add failures (measured 0.89–0.90 rows per submission).
  estimateRows: (ctx) => Math.round(ctx.counts.submissions * 0.893),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.payment_transactions');
    const endMs = ctx.referenceDate.getTime();
    let n = 0;
    for (let j = 0; j < ctx.counts.orders; j += 1) {
      const o = order(ctx, j);
      for (let k = 0; k < o.submissionCount; k += 1) {
        const s = submissionOf(ctx, o, k);
        if (s.failedAttempts === 0 && s.status !== 'paid') continue;
        const rng = rngFor(ctx.seed, 'payment', s.sequence);
        for (let f = 0; f < s.failedAttempts; f += 1) {
          const t = s.createdAtMs + Math.floor((s.lastFailureMs - s.createdAtMs) * ((f + 1) / s.failedAttempts));
          yield transaction(id(n++), s, rng, false, t, Math.min(endMs, t + 1000 + ((rng.next() * 4000) | 0)));
        }
        if (s.status === 'paid') {
          yield transaction(id(n++), s, rng, true, s.paidAtMs, Math.min(endMs, s.paidAtMs + 800 + ((rng.next() * 4000) | 0)));
        }
      }
    }
  },
};

function transaction(id: string, s: Submission, rng: Random, paid: boolean, eventMs: number, recordedMs: number) {
  const method = s.paymentMethod ?? 'gcash';
  if (s.paymentGateway === 'billplz') {
    const status = paid ? 'paid' : 'due';
    return [id, s.id, 'billplz', s.paymentIntentId, status, s.totalAmount, s.currency, method, paid ? at(eventMs) : null, billplzCallback(s, rng, paid, eventMs), at(recordedMs)];
  }
  const paymentId = `pay_${token(rng, 24, BASE62)}`;
  return [id, s.id, 'paymongo', paymentId, paid ? 'paid' : 'failed', s.totalAmount, s.currency, method, paid ? at(eventMs) : null, paymongoEvent(s, rng, paid, eventMs, paymentId, method), at(recordedMs)];
}

/** A PayMongo `payment.paid` / `payment.failed` webhook event body. */
function paymongoEvent(s: Submission, rng: Random, paid: boolean, eventMs: number, paymentId: string, method: string): string {
  const secs = Math.floor(eventMs / 1000);
  const fee = method === 'card' ? Math.round(s.totalMinor * 0.035) + 1500 : Math.round(s.totalMinor * (method === 'gcash' ? 0.025 : 0.022));
  const failure = paid ? null : PAYMONGO_FAILURES[(rng.next() * PAYMONGO_FAILURES.length) | 0]!;
  return (
    `{"data":{"id":"evt_${token(rng, 24, BASE62)}","type":"event","attributes":{"type":"payment.${paid ? 'paid' : 'failed'}","livemode":true,` +
    `"data":{"id":"${paymentId}","type":"payment","attributes":{"amount":${s.totalMinor},"currency":"${s.currency}","description":"${s.paymentReference}",` +
    `"fee":${paid ? fee : 0},"net_amount":${paid ? s.totalMinor - fee : 0},"payment_intent_id":"${s.paymentIntentId}",` +
    `"billing":{"email":${s.buyerEmail === null ? 'null' : `"${s.buyerEmail}"`},"name":"${s.buyerName}","phone":"${s.buyerPhone}"},` +
    `"source":{"id":"src_${token(rng, 24, BASE62)}","type":"${method}"},"status":"${paid ? 'paid' : 'failed'}",` +
    (failure ? `"failed_code":"${failure[0]}","failed_message":"${failure[1]}",` : '') +
    `"paid_at":${paid ? secs : 'null'},"created_at":${Math.floor(s.createdAtMs / 1000)},"updated_at":${secs}}},` +
    `"previous_data":{},"created_at":${secs},"updated_at":${secs}}}}`
  );
}

/** A Billplz payment-completion callback body (`paid` true/false) with its X-Signature. */
function billplzCallback(s: Submission, rng: Random, paid: boolean, eventMs: number): string {
  const failure = paid ? null : BILLPLZ_FAILURES[(rng.next() * BILLPLZ_FAILURES.length) | 0]!;
  const local = new Date(eventMs + 8 * 3_600_000).toISOString();
  const paidAt = `${local.slice(0, 10)} ${local.slice(11, 19)} +0800`;
  return (
    `{"id":"${s.paymentIntentId}","collection_id":"${token(rng, 8, BASE36)}","paid":${paid},"state":"${paid ? 'paid' : 'due'}",` +
    `"amount":"${s.totalMinor}","paid_amount":"${paid ? s.totalMinor : 0}","due_at":"${paidAt.slice(0, 10)}",` +
    `"email":${s.buyerEmail === null ? 'null' : `"${s.buyerEmail}"`},"mobile":"${s.buyerPhone}","name":"${s.buyerName}",` +
    `"url":"${s.paymentUrl}","reference_1_label":"Payment Reference","reference_1":"${s.paymentReference}",` +
    `"paid_at":${paid ? `"${paidAt}"` : 'null'},"transaction_id":"${token(rng, 12, BASE36).toUpperCase()}",` +
    `"transaction_status":"${paid ? 'completed' : 'failed'}",` +
    (s.paymentMethod === 'fpx' ? `"bank_code":"${FPX_BANKS[(rng.next() * FPX_BANKS.length) | 0]}",` : '') +
    (failure ? `"failure_reason":"${failure[1]}",` : '') +
    `"x_signature":"${token(rng, 64, HEX)}"}`
  );
}

export type { SeedContext };
