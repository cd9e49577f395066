import { rngFor, type Random } from '../random.ts';
import { poolsFor } from '../pools.ts';
import type { SeedContext, TableSpec } from '../types.ts';
import { sideTrafficDetail } from '../world/detail.ts';
import { localDateLabel } from '../world/format.ts';
import { idMaker } from '../world/ids.ts';
import { order, type Order } from '../world/orders.ts';
import type { Platform } from '../world/people.ts';
import { submissionCoreOf, submissionOf, type Submission, type SubmissionCore } from '../world/submissions.ts';
import { at } from './rowValues.ts';
import { snowflake } from './platformConnections.ts';

type MessageType = 'reminder' | 'confirmation' | 'query_response' | 'custom';

/** One outbound bot message, before it becomes a row. */
export interface Message {
  readonly platform: Platform;
  readonly type: MessageType;
  readonly createdAtMs: number;
}

const CURRENCY_SIGN = { PHP: '₱', MYR: 'RM' } as const;
const HEX = '0123456789abcdef';

/** The fixed draws that decide a submission's optional messages (so the decision is cheap). */
export interface MessageDraws {
  readonly query: number;
  readonly queryAt: number;
  readonly confirm: number;
  readonly confirmAt: number;
  readonly custom: number;
  readonly customAt: number;
}

export function messageDraws(rng: Random): MessageDraws {
  return { query: rng.next(), queryAt: rng.next(), confirm: rng.next(), confirmAt: rng.next(), custom: rng.next(), customAt: rng.next() };
}

/** Whether a submission can have any message, from its core alone (no buyer derivation). */
export function mayHaveMessages(ctx: SeedContext, c: SubmissionCore, d: MessageDraws): boolean {
  const detail = sideTrafficDetail(ctx);
  return c.reminderCount > 0 || d.query < 0.04 * detail || d.custom < 0.02 * detail || (c.status === 'paid' && d.confirm < 0.85 * detail);
}

/**
 * The bot messages of one submission, in time order: every reminder counted in
 * submissions.reminder_count (at the times that count implies), a payment confirmation for
 * many paid buyers (most bot users, fewer web buyers), and the odd answer to a question or
 * custom update. Buyers on the web are messaged on WhatsApp (their phone number).
 */
export function submissionMessages(ctx: SeedContext, s: Submission, d: MessageDraws): Message[] {
  const out: Message[] = [];
  const platform: Platform = s.buyerPlatform === 'web' ? 'whatsapp' : s.buyerPlatform;
  const endMs = ctx.referenceDate.getTime();
  const detail = sideTrafficDetail(ctx);
  for (let i = 0; i < s.reminderCount; i += 1) {
    out.push({ platform, type: 'reminder', createdAtMs: s.createdAtMs + Math.floor((s.lastReminderSentMs - s.createdAtMs) * ((i + 1) / s.reminderCount)) });
  }
  if (d.query < 0.04 * detail) {
    out.push({ platform, type: 'query_response', createdAtMs: Math.min(endMs, s.createdAtMs + 120_000 + Math.floor(d.queryAt * 6 * 3_600_000)) });
  }
  if (s.status === 'paid' && d.confirm < (s.buyerPlatform === 'web' ? 0.3 : 0.85) * detail) {
    out.push({ platform, type: 'confirmation', createdAtMs: Math.min(endMs, s.paidAtMs + 5_000 + Math.floor(d.confirmAt * 55_000)) });
  }
  if (d.custom < 0.02 * detail) {
    out.push({ platform, type: 'custom', createdAtMs: s.createdAtMs + Math.floor((endMs - s.createdAtMs) * d.customAt) });
  }
  return out;
}

/** messages: bot messages to buyers (WA2, DC1 and the reminder flow), per submission. */
export const messagesSpec: TableSpec = {
  table: 'public.messages',
  columns: ['id', 'submission_id', 'platform', 'message_type', 'content', 'status', 'external_message_id', 'sent_at', 'delivered_at', 'error_message', 'created_at'],
  dependsOn: ['public.submissions'],
  estimateRows: (ctx) => Math.round(ctx.counts.submissions * (0.072 + 0.452 * sideTrafficDetail(ctx))),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.messages');
    const pools = poolsFor(ctx.seed);
    const endMs = ctx.referenceDate.getTime();
    let n = 0;
    for (let j = 0; j < ctx.counts.orders; j += 1) {
      const o = order(ctx, j);
      const deadline = localDateLabel(o.deadlineMs);
      for (let k = 0; k < o.submissionCount; k += 1) {
        const rng = rngFor(ctx.seed, 'messages', o.firstSubmission + k);
        const draws = messageDraws(rng);
        // Most submissions get no message: decide from the cheap core before deriving the buyer.
        if (!mayHaveMessages(ctx, submissionCoreOf(ctx, o, k), draws)) continue;
        const s = submissionOf(ctx, o, k);
        for (const m of submissionMessages(ctx, s, draws)) {
          const sent = Math.min(endMs, m.createdAtMs + 800 + Math.floor(rng.next() * 4000));
          const u = rng.next();
          const status = endMs - m.createdAtMs < 120_000 ? (u < 0.5 ? 'pending' : 'sent') : u < 0.78 ? 'delivered' : u < 0.93 ? 'sent' : 'failed';
          const delivered = status === 'delivered' ? Math.min(endMs, sent + 1000 + Math.floor(rng.next() * 30_000)) : Number.NaN;
          yield [
            id(n++), s.id, m.platform, m.type, content(m.type, s, o, deadline, rng, pools.signOffs[s.country], pools.buyerQuestions),
            status, status === 'pending' || status === 'failed' ? null : externalId(m.platform, rng),
            status === 'pending' ? null : at(sent), at(delivered), status === 'failed' ? failure(m.platform) : null, at(m.createdAtMs),
          ];
        }
      }
    }
  },
};

function content(type: MessageType, s: Submission, o: Order, deadline: string, rng: Random, signOffs: readonly string[], questions: readonly string[]): string {
  const first = s.buyerName.slice(0, s.buyerName.indexOf(' ') > 0 ? s.buyerName.indexOf(' ') : s.buyerName.length);
  const amount = `${CURRENCY_SIGN[s.currency]}${s.totalAmount}`;
  const signOff = signOffs[(rng.next() * signOffs.length) | 0];
  switch (type) {
    case 'reminder':
      return `Hi ${first}! Friendly reminder: your slot in ${o.title} (${s.quantity} pc) is still unpaid — ${amount}, ref ${s.paymentReference}. Deadline is ${deadline}. ${signOff}`;
    case 'confirmation':
      return `Payment received ✅ ${s.paymentReference} — ${amount} for ${o.title}. We'll update you once the items arrive. ${signOff}`;
    case 'query_response':
      return `Re: "${questions[(rng.next() * questions.length) | 0]}" — Noted po! Updated your order ${s.paymentReference}. ${signOff}`;
    case 'custom':
      return `Update on ${o.title}: ${CUSTOM_UPDATES[(rng.next() * CUSTOM_UPDATES.length) | 0]} ${signOff}`;
  }
}

const CUSTOM_UPDATES = [
  'orders have been placed with the supplier.',
  'items have left Korea and are in transit.',
  'items arrived at our warehouse, sorting this week.',
  'shipping fees will be sent tomorrow.',
  'POB photocards confirmed for all slots.',
  'slight delay from the shop, new ETA in 2 weeks.',
];

function externalId(platform: Platform, rng: Random): string {
  if (platform === 'whatsapp') {
    let sid = 'SM';
    for (let i = 0; i < 32; i += 1) sid += HEX[(rng.next() * 16) | 0];
    return sid;
  }
  if (platform === 'telegram') return String(rng.int(1000, 900_000));
  return snowflake(rng);
}

function failure(platform: Platform): string {
  if (platform === 'whatsapp') return 'Twilio error 63016: Failed to send freeform message because you are outside the allowed window.';
  if (platform === 'telegram') return '403: Forbidden: bot was blocked by the user';
  return 'DiscordAPIError[50007]: Cannot send messages to this user';
}
