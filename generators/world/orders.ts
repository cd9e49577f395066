import { GATEWAY_OF, PAYMENT_METHODS, type Gateway } from '../catalog/gateways.ts';
import { listing } from '../catalog/listing.ts';
import { pickWeighted, weighted } from '../distributions.ts';
import { CURRENCY_OF, type Country, type Currency } from '../locale/country.ts';
import { rngFor } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { idMaker, runTagHex, userIdOf } from './ids.ts';
import { gomCountry } from './people.ts';
import { worldPlan } from './plan.ts';

/** One group order ("drop"). */
export interface Order {
  readonly index: number;
  readonly id: string;
  readonly gomIndex: number;
  /** The GOM's user id (orders.user_id). */
  readonly userId: string;
  readonly country: Country;
  readonly currency: Currency;
  readonly gateway: Gateway;
  readonly act: string;
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  readonly slug: string;
  /** Unit price in minor units (centavos / sen); orders.price is this / 100. */
  readonly priceMinor: number;
  /** orders.price as numeric text, 2 decimals. */
  readonly price: string;
  readonly maxQuantity: number;
  /** The gateway's method names the GOM accepts (orders.payment_methods). */
  readonly paymentMethods: readonly string[];
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly deadlineMs: number;
  /** Deadline at or before the reference date: the drop is closed. */
  readonly closed: boolean;
  readonly isActive: boolean;
  readonly autoCloseOnDeadline: boolean;
  readonly minOrders: number;
  readonly maxOrders: number | null;
  /** Number of submissions (power law; the hottest drop of a large world has ~50k). */
  readonly submissionCount: number;
  /** Global sequence of the first submission; this order's are [first, first + count). */
  readonly firstSubmission: number;
}

const MIN_ORDERS = weighted<number>([[1, 40], [5, 15], [10, 20], [20, 15], [30, 10]]);

/** Subsets of each gateway's methods a GOM may accept; the most used method is always on. */
const METHOD_CHOICES: Readonly<Record<Gateway, readonly (readonly string[])[]>> = {
  paymongo: subsets(PAYMENT_METHODS.paymongo.map(([m]) => m)),
  billplz: subsets(PAYMENT_METHODS.billplz.map(([m]) => m)),
};

function subsets(methods: readonly string[]): readonly (readonly string[])[] {
  const [first, ...rest] = methods;
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << rest.length; mask += 1) out.push([first!, ...rest.filter((_, i) => mask & (1 << i))]);
  return out.map((s) => Object.freeze(s));
}

/** Order j (0 ≤ j < ctx.counts.orders), in opening order. */
export function order(ctx: SeedContext, j: number): Order {
  const plan = worldPlan(ctx);
  const rng = rngFor(ctx.seed, 'order', j);
  const gomIndex = plan.orderGom[j]!;
  const country = gomCountry(ctx, gomIndex);
  const created = plan.orderCreatedMs[j]!;
  const deadline = plan.orderDeadlineMs[j]!;
  const endMs = ctx.referenceDate.getTime();
  const closed = deadline <= endMs;
  const count = plan.orderSubmissions[j]!;
  const item = listing(rng, country, new Date(created).getUTCFullYear());
  const gateway = GATEWAY_OF[country];
  const minOrders = pickWeighted(rng, MIN_ORDERS);
  const maxOrders = rng.chance(0.55) ? null : Math.max(minOrders, Math.ceil((Math.max(count, 1) * (1 + rng.next() * 0.5)) / 10) * 10);
  const choices = METHOD_CHOICES[gateway];
  const updated = closed
    ? Math.min(endMs, deadline + 60_000 + rng.next() * 15 * 60_000) // the auto-close job
    : rng.chance(0.3) ? created + (endMs - created) * rng.next() * 0.5 : created;
  return {
    index: j,
    id: orderIdMaker(ctx.runTag)(j),
    gomIndex,
    userId: userIdOf(ctx.runTag, gomIndex),
    country,
    currency: CURRENCY_OF[country],
    gateway,
    act: item.act,
    kind: item.kind,
    title: item.title,
    description: item.description,
    slug: `${item.slugBase}-${runTagHex(ctx.runTag)}-${j.toString(36)}`,
    priceMinor: item.priceMinor,
    price: money(item.priceMinor),
    maxQuantity: item.maxQuantity,
    paymentMethods: choices[rng.int(0, choices.length - 1)]!,
    createdAtMs: created,
    updatedAtMs: Math.floor(updated),
    deadlineMs: deadline,
    closed,
    isActive: !closed,
    autoCloseOnDeadline: rng.chance(0.92),
    minOrders,
    maxOrders,
    submissionCount: count,
    firstSubmission: plan.orderFirstSubmission[j]!,
  };
}

let lastTag = -1;
let lastMaker: (n: number) => string = () => '';
function orderIdMaker(runTag: number): (n: number) => string {
  if (runTag !== lastTag) {
    lastTag = runTag;
    lastMaker = idMaker(runTag, 'public.orders');
  }
  return lastMaker;
}

/** orders.id of order j. */
export function orderId(ctx: SeedContext, j: number): string {
  return orderIdMaker(ctx.runTag)(j);
}

/** Minor units as numeric text with 2 decimals: 185090 → "1850.90". */
export function money(minor: number): string {
  const cents = minor % 100;
  return `${(minor - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

