import { PAYMENT_METHODS, type Gateway } from '../catalog/gateways.ts';
import { HOUR_MS, logNormal, pickWeighted, submissionInstant, weighted, type Weighted } from '../distributions.ts';
import type { Country, Currency } from '../locale/country.ts';
import { rngFor, type Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { idMaker } from './ids.ts';
import { money, order, type Order } from './orders.ts';
import { buyer, buyerPopulation, pickBuyerIndex, type Platform } from './people.ts';
import { orderOfSubmission, worldPlan } from './plan.ts';

/** `submission_status` enum. */
export type SubmissionStatus = 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled';

/** One buyer's entry in a drop, with its payment story. */
export interface Submission extends SubmissionCore {
  /** Global sequence: the runUuid sequence of submissions.id. */
  readonly sequence: number;
  readonly id: string;
  readonly orderIndex: number;
  /** Position within the order, 0 ≤ k < order.submissionCount. */
  readonly k: number;
  readonly orderId: string;
  /** The drop's GOM (notifications and verification events go to them). */
  readonly gomIndex: number;
  readonly buyerIndex: number;
  readonly buyerName: string;
  readonly buyerPhone: string;
  readonly buyerEmail: string | null;
  readonly buyerPlatform: Platform;
  readonly buyerPlatformId: string | null;
  /** The buyer's account user id when they had one by the time they submitted, else null. */
  readonly buyerUserId: string | null;
  readonly country: Country;
  readonly currency: Currency;
  readonly quantity: number;
  /** quantity × order price, in minor units. */
  readonly totalMinor: number;
  /** submissions.total_amount as numeric text, 2 decimals. */
  readonly totalAmount: string;
  /** `PH-XXXXXXXX` / `MY-XXXXXXXX`, unique within the run (a bijection of the sequence). */
  readonly paymentReference: string;
  /** Set once the buyer opened the gateway checkout (PG3); null before. */
  readonly paymentGateway: Gateway | null;
  readonly paymentIntentId: string | null;
  readonly checkoutSessionId: string | null;
  readonly paymentUrl: string | null;
  /** The method the buyer paid (or tried to pay) with; null when they never opened checkout. */
  readonly paymentMethod: string | null;
  readonly status: SubmissionStatus;
  readonly sourcePlatform: string;
  readonly utmSource: string | null;
  readonly reminderCount: number;
  /** NaN when no reminder was sent. Reminder i (0-based) of n went out at created + (last − created)·(i+1)/n. */
  readonly lastReminderSentMs: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  /** When the buyer uploaded proof / completed the gateway step; NaN when they did not. */
  readonly proofUploadedAtMs: number;
  /** Paid submissions: when the payment succeeded (> createdAtMs). NaN otherwise. */
  readonly paidAtMs: number;
  /** Failed gateway attempts: before the success (paid) or the failures themselves (failed). */
  readonly failedAttempts: number;
  /** Time of the last failed attempt (or NaN). Attempt i of n is at created + (this − created)·(i+1)/n. */
  readonly lastFailureMs: number;
}

const QUANTITY = weighted<number>([[1, 72], [2, 17], [3, 6], [4, 2.5], [5, 1.5], [6, 0.5], [8, 0.5]]);
const UTM_SOURCES = weighted<string | null>([['facebook', 35], ['twitter', 25], ['instagram', 15], ['tiktok', 10], [null, 15]]);
const METHOD_TABLES: Readonly<Record<Gateway, Weighted<string>>> = {
  paymongo: weighted(PAYMENT_METHODS.paymongo),
  billplz: weighted(PAYMENT_METHODS.billplz),
};
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Submission k of order j. Prefer submissionOf(ctx, order, k) in loops: it reuses the order. */
export function submission(ctx: SeedContext, j: number, k: number): Submission {
  return submissionOf(ctx, order(ctx, j), k);
}

/** The submission with global sequence `sequence`. */
export function submissionAt(ctx: SeedContext, sequence: number): Submission {
  const j = orderOfSubmission(worldPlan(ctx), sequence);
  const o = order(ctx, j);
  return submissionOf(ctx, o, sequence - o.firstSubmission);
}

/** Every submission in sequence order, streaming (one order in memory at a time). */
export function* allSubmissions(ctx: SeedContext): Generator<Submission> {
  for (let j = 0; j < ctx.counts.orders; j += 1) {
    const o = order(ctx, j);
    for (let k = 0; k < o.submissionCount; k += 1) yield submissionOf(ctx, o, k);
  }
}

/**
 * The part of a submission other tables need most: when, how many, and its payment story,
 * without the buyer's identity or the gateway ids. A fraction of the cost of submissionOf;
 * the same values (submissionOf derives this first, from the same generator).
 */
export interface SubmissionCore {
  readonly sequence: number;
  readonly orderIndex: number;
  readonly k: number;
  readonly buyerIndex: number;
  readonly country: Country;
  readonly currency: Currency;
  readonly quantity: number;
  readonly totalMinor: number;
  readonly status: SubmissionStatus;
  readonly reminderCount: number;
  readonly lastReminderSentMs: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly proofUploadedAtMs: number;
  readonly paidAtMs: number;
  readonly failedAttempts: number;
  readonly lastFailureMs: number;
  /** The buyer opened the gateway checkout (PG3 ran). */
  readonly openedCheckout: boolean;
}

/** The core of submission k of order o. */
export function submissionCoreOf(ctx: SeedContext, o: Order, k: number): SubmissionCore {
  return deriveCore(ctx, o, k, rngFor(ctx.seed, 'submission', o.firstSubmission + k));
}

function deriveCore(ctx: SeedContext, o: Order, k: number, rng: Random): SubmissionCore {
  const sequence = o.firstSubmission + k;
  const endMs = ctx.referenceDate.getTime();
  const created = createdFrom(rng, o, endMs);
  const buyerIndex = pickBuyerIndex(rng, buyerPopulation(ctx), o.country);
  let quantity = pickWeighted(rng, QUANTITY);
  if (quantity > o.maxQuantity) quantity = o.maxQuantity;
  const totalMinor = quantity * o.priceMinor;
  // Payment story. `limit` is the last moment a payment can land: a few hours of grace after
  // a deadline (GOMs verify the last screenshots), never after "now".
  const limit = o.closed ? Math.min(endMs, o.deadlineMs + 6 * HOUR_MS) : endMs;
  const span = limit - created; // ≥ 1 s by construction of submissionInstant
  const age = endMs - created;
  const u = rng.next();
  let status: SubmissionStatus;
  if (o.closed) status = u < 0.8 ? 'paid' : u < 0.88 ? 'expired' : u < 0.93 ? 'cancelled' : u < 0.97 ? 'failed' : 'pending';
  else if (age < 20 * 60_000) status = u < 0.15 ? 'paid' : 'pending';
  else status = u < 0.56 ? 'paid' : u < 0.9 ? 'pending' : u < 0.94 ? 'failed' : 'cancelled';

  let paidAt = Number.NaN;
  let proofAt = Number.NaN;
  let updated = created;
  let failedAttempts = 0;
  let lastFailure = Number.NaN;
  let openedCheckout: boolean;
  if (status === 'paid') {
    const delay = Math.min(logNormal(rng, 90 * 60_000, 1.3), span * (0.3 + 0.7 * rng.next()));
    paidAt = created + Math.max(500, Math.min(Math.floor(delay), span - 1));
    proofAt = created + Math.floor((paidAt - created) * (0.4 + 0.5 * rng.next()));
    updated = paidAt;
    if (rng.chance(0.07)) {
      failedAttempts = 1;
      lastFailure = created + Math.floor((proofAt - created) * (0.2 + 0.6 * rng.next()));
    }
    openedCheckout = true;
  } else if (status === 'failed') {
    failedAttempts = rng.chance(0.8) ? 1 : 2;
    lastFailure = created + Math.max(1000, Math.min(Math.floor(logNormal(rng, 20 * 60_000, 1)), span - 1));
    if (lastFailure > limit) lastFailure = limit;
    updated = lastFailure;
    openedCheckout = true;
  } else if (status === 'expired') {
    updated = Math.min(endMs, o.deadlineMs + 60_000 + Math.floor(rng.next() * 15 * 60_000));
    openedCheckout = rng.chance(0.5);
  } else if (status === 'cancelled') {
    updated = created + Math.max(1000, Math.floor(span * 0.5 * rng.next()));
    openedCheckout = rng.chance(0.4);
  } else {
    openedCheckout = rng.chance(0.55);
    // About a third of pending buyers already sent a screenshot the GOM has not verified yet.
    if (rng.chance(0.3)) proofAt = created + Math.floor((endMs - created) * rng.next() * 0.8);
  }

  // Reminders (the Discord `/gom notify` flow): for buyers who did not pay within half a day.
  let reminderCount = 0;
  let lastReminder = Number.NaN;
  const reminderFrom = created + 12 * HOUR_MS;
  const reminderTo = status === 'paid' ? paidAt : status === 'pending' ? endMs : status === 'expired' ? Math.min(o.deadlineMs, endMs) : Number.NaN;
  if (reminderTo > reminderFrom && rng.chance(status === 'paid' ? 0.25 : 0.3)) {
    reminderCount = status === 'paid' ? 1 : rng.int(1, 3);
    lastReminder = Math.floor(reminderFrom + (reminderTo - reminderFrom) * (0.5 + 0.5 * rng.next()));
    if (status === 'pending' && lastReminder > updated) updated = lastReminder;
  }

  return {
    sequence, orderIndex: o.index, k, buyerIndex, country: o.country, currency: o.currency, quantity, totalMinor, status,
    reminderCount, lastReminderSentMs: lastReminder, createdAtMs: created, updatedAtMs: updated, proofUploadedAtMs: proofAt,
    paidAtMs: paidAt, failedAttempts, lastFailureMs: lastFailure, openedCheckout,
  };
}

/** Submission k of an already-derived order. */
export function submissionOf(ctx: SeedContext, o: Order, k: number): Submission {
  const sequence = o.firstSubmission + k;
  const rng = rngFor(ctx.seed, 'submission', sequence);
  const c = deriveCore(ctx, o, k, rng);
  const who = buyer(ctx, c.buyerIndex);
  const buyerUserId = who.userId !== null && who.accountCreatedAtMs <= c.createdAtMs ? who.userId : null;


  let gateway: Gateway | null = null;
  let intent: string | null = null;
  let session: string | null = null;
  let url: string | null = null;
  let method: string | null = null;
  if (c.openedCheckout) {
    gateway = o.gateway;
    method = pickWeighted(rng, METHOD_TABLES[gateway]);
    if (!o.paymentMethods.includes(method)) method = o.paymentMethods[0]!;
    if (gateway === 'paymongo') {
      intent = `pi_${token(rng, 24, BASE62)}`;
      session = `cs_${token(rng, 24, BASE62)}`;
      url = `https://checkout.paymongo.com/${session}`;
    } else {
      intent = token(rng, 8, BASE36);
      url = `https://www.billplz.com/bills/${intent}`;
    }
  }
  const source = who.platform === 'web' ? pickWeighted(rng, UTM_SOURCES) : null;
  return {
    sequence,
    id: submissionIdMaker(ctx.runTag)(sequence),
    orderIndex: o.index,
    k,
    orderId: o.id,
    gomIndex: o.gomIndex,
    buyerIndex: who.index,
    buyerName: who.name,
    buyerPhone: who.phone,
    buyerEmail: who.email,
    buyerPlatform: who.platform,
    buyerPlatformId: who.platformId,
    buyerUserId,
    country: o.country,
    currency: o.currency,
    quantity: c.quantity,
    totalMinor: c.totalMinor,
    totalAmount: money(c.totalMinor),
    paymentReference: paymentReference(ctx.runTag, o.country, sequence),
    paymentGateway: gateway,
    paymentIntentId: intent,
    checkoutSessionId: session,
    paymentUrl: url,
    paymentMethod: method,
    status: c.status,
    sourcePlatform: who.platform,
    utmSource: source,
    reminderCount: c.reminderCount,
    lastReminderSentMs: c.lastReminderSentMs,
    createdAtMs: c.createdAtMs,
    updatedAtMs: c.updatedAtMs,
    proofUploadedAtMs: c.proofUploadedAtMs,
    paidAtMs: c.paidAtMs,
    failedAttempts: c.failedAttempts,
    lastFailureMs: c.lastFailureMs,
    openedCheckout: c.openedCheckout,
  };
}

/** The first draws of a submission's generator: when it was made. */
function createdFrom(rng: Random, o: Order, endMs: number): number {
  return submissionInstant(rng, o.createdAtMs, o.closed ? o.deadlineMs : endMs, o.closed);
}

/** Only the created_at of submission k of order o (a fraction of the cost of submissionOf). */
export function submissionCreatedMs(ctx: SeedContext, o: Order, k: number): number {
  return createdFrom(rngFor(ctx.seed, 'submission', o.firstSubmission + k), o, ctx.referenceDate.getTime());
}

/**
 * When a drop reached its minimum (the min_orders-th submission by time), or NaN when the
 * minimum is 1 or was never reached. O(submissions of the order).
 */
export function goalReachedMs(ctx: SeedContext, o: Order): number {
  if (o.minOrders <= 1 || o.submissionCount < o.minOrders) return Number.NaN;
  const times = new Float64Array(o.submissionCount);
  for (let k = 0; k < o.submissionCount; k += 1) times[k] = submissionCreatedMs(ctx, o, k);
  times.sort();
  return times[o.minOrders - 1]!;
}

/**
 * `PH-` / `MY-` and 8 upper-case hex digits, the shape `generate_payment_reference()` makes.
 * The digits are a bijective 32-bit mix of (sequence + a run-derived offset), so references
 * never repeat within a run; across runs they collide only by chance (2^32 space).
 */
export function paymentReference(runTag: number, country: Country, sequence: number): string {
  let x = (sequence + Math.imul(runTag, 0x9e3779b1)) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return `${country}-${HEX_BYTE[(x >>> 24) & 255]}${HEX_BYTE[(x >>> 16) & 255]}${HEX_BYTE[(x >>> 8) & 255]}${HEX_BYTE[x & 255]}`;
}

/**
 * A random token of `length` characters from `alphabet` (≤ 64 characters). Each draw gives
 * four characters as two lookups in a table of all character pairs: gateway ids are long
 * and this runs for most submissions and transactions.
 */
export function token(rng: Random, length: number, alphabet: string): string {
  const pairs = pairTable(alphabet);
  const n = alphabet.length;
  const nn = n * n;
  let out = '';
  let left = length;
  while (left >= 4) {
    const x = Math.floor(rng.next() * nn * nn);
    const lo = x % nn;
    out += pairs[lo]! + pairs[(x - lo) / nn]!;
    left -= 4;
  }
  while (left > 0) {
    out += alphabet[(rng.next() * n) | 0];
    left -= 1;
  }
  return out;
}

const PAIR_TABLES = new Map<string, readonly string[]>();
function pairTable(alphabet: string): readonly string[] {
  let table = PAIR_TABLES.get(alphabet);
  if (!table) {
    const t: string[] = [];
    for (const a of alphabet) for (const b of alphabet) t.push(a + b);
    PAIR_TABLES.set(alphabet, (table = t));
  }
  return table;
}

let lastTag = -1;
let lastMaker: (n: number) => string = () => '';
function submissionIdMaker(runTag: number): (n: number) => string {
  if (runTag !== lastTag) {
    lastTag = runTag;
    lastMaker = idMaker(runTag, 'public.submissions');
  }
  return lastMaker;
}

/** submissions.id of global sequence n. */
export function submissionId(ctx: SeedContext, sequence: number): string {
  return submissionIdMaker(ctx.runTag)(sequence);
}
