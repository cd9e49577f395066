import { DAY_MS, HOUR_MS, exponential, pickWeighted, weighted } from '../distributions.ts';
import { CURRENCY_OF, PH_SHARE, TIMEZONE_OF, mobileNumber, type Country, type Currency } from '../locale/country.ts';
import { PEOPLE_POOL_SIZE, poolsFor } from '../pools.ts';
import { rngFor, type Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { runTagHex, userIdOf } from './ids.ts';
import { GOM_POPULARITY_S, worldPlan } from './plan.ts';
import { growthQuantile, worldWindow } from './time.ts';

export type UserPlan = 'free' | 'pro' | 'gateway' | 'business';
export type SubscriptionStatus = 'active' | 'inactive' | 'cancelled';
/** `platform_type` enum. */
export type Platform = 'whatsapp' | 'telegram' | 'discord' | 'web';

/** A seeded account: one auth.users row and one profiles row. */
export interface Account {
  readonly kind: 'gom' | 'buyer';
  /** Index among GOMs (kind gom) or among buyer accounts (kind buyer). */
  readonly index: number;
  /** Position among all seeded users: GOMs are 0…goms−1, buyer accounts follow. The runUuid sequence. */
  readonly userSequence: number;
  /** auth.users.id = profiles.user_id. */
  readonly userId: string;
  readonly country: Country;
  readonly currency: Currency;
  readonly timezone: string;
  readonly name: string;
  readonly username: string;
  readonly email: string;
  /** E.164. */
  readonly phone: string;
  readonly plan: UserPlan;
  readonly subscriptionStatus: SubscriptionStatus;
  readonly whatsappEnabled: boolean;
  readonly telegramEnabled: boolean;
  readonly discordEnabled: boolean;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly lastSignInAtMs: number;
}

/** A GOM: an account that opens drops. */
export interface Gom extends Account {
  readonly kind: 'gom';
  /** The GOM's shop name as shown on posts: "Carat Haven PH GO". */
  readonly shopName: string;
  /** Relative popularity (Zipf over the index; GOM 0 is the busiest). Drops are assigned in proportion. */
  readonly popularity: number;
}

/** Someone who submits to drops. Buyers with index < buyerAccounts also have an Account. */
export interface Buyer {
  readonly index: number;
  readonly country: Country;
  readonly name: string;
  /** Lower-case ASCII handle stem, for usernames. */
  readonly handle: string;
  readonly phone: string;
  readonly email: string | null;
  readonly platform: Platform;
  /** Telegram user id, Discord snowflake or WhatsApp number; null on the web. */
  readonly platformId: string | null;
  /** The buyer's account user id, or null for buyers who never signed up. */
  readonly userId: string | null;
  /** When the account was created (NaN without an account). */
  readonly accountCreatedAtMs: number;
}

/**
 * E-mails use reserved `example.com` subdomains (RFC 2606) shaped like the providers buyers
 * use, so nothing seeded into a staging project can ever reach a real inbox.
 */
const EMAIL_DOMAINS = weighted<string>([
  ['gmail.example.com', 74], ['yahoo.example.com', 11], ['icloud.example.com', 7], ['outlook.example.com', 5], ['hotmail.example.com', 3],
]);
const BUYER_PLATFORMS = weighted<Platform>([['web', 65], ['telegram', 20], ['discord', 10], ['whatsapp', 5]]);
const TOP_GOM_PLANS = weighted<UserPlan>([['business', 30], ['gateway', 30], ['pro', 35], ['free', 5]]);
const MID_GOM_PLANS = weighted<UserPlan>([['pro', 40], ['gateway', 14], ['business', 6], ['free', 40]]);
const TAIL_GOM_PLANS = weighted<UserPlan>([['free', 70], ['pro', 25], ['gateway', 4], ['business', 1]]);

/** Number of seeded accounts (auth.users and profiles rows). */
export function accountCount(ctx: SeedContext): number {
  return ctx.counts.goms + ctx.counts.buyerAccounts;
}

/** The account at a user sequence: a GOM below ctx.counts.goms, a buyer account above. */
export function account(ctx: SeedContext, userSequence: number): Account {
  return userSequence < ctx.counts.goms ? gom(ctx, userSequence) : buyerAccount(ctx, userSequence - ctx.counts.goms);
}

/** GOM i (0 ≤ i < ctx.counts.goms). */
export function gom(ctx: SeedContext, i: number): Gom {
  const rng = rngFor(ctx.seed, 'gom', i);
  const pools = poolsFor(ctx.seed);
  const country: Country = rng.chance(PH_SHARE) ? 'PH' : 'MY'; // keep first: gomCountry() repeats it
  const person = pools.people[country][(rng.next() * PEOPLE_POOL_SIZE) | 0]!;
  const tag = runTagHex(ctx.runTag);
  const seq36 = i.toString(36);
  const { startMs, endMs } = worldWindow(ctx);
  // A GOM signs up some days before opening the first drop (or any time, if it never did).
  const firstOrder = worldPlan(ctx).gomFirstOrderMs[i]!;
  const joined = startMs + (endMs - 7 * DAY_MS - startMs) * growthQuantile(rng.next());
  const created = Number.isNaN(firstOrder) ? joined : Math.min(joined, firstOrder - (1 + rng.next() * 13) * DAY_MS);
  const share = i / Math.max(1, ctx.counts.goms);
  const plan = pickWeighted(rng, share < 0.05 ? TOP_GOM_PLANS : share < 0.3 ? MID_GOM_PLANS : TAIL_GOM_PLANS);
  return {
    kind: 'gom',
    index: i,
    userSequence: i,
    userId: userIdOf(ctx.runTag, i),
    country,
    currency: CURRENCY_OF[country],
    timezone: TIMEZONE_OF[country],
    name: person.fullName,
    username: `${rng.pick(pools.fanHandles)}_${seq36}_${tag}`,
    email: `${person.emailLocal}.${seq36}+s${tag}@${pickWeighted(rng, EMAIL_DOMAINS)}`,
    phone: mobileNumber(rng, country),
    shopName: rng.pick(pools.shopNames[country]),
    plan,
    subscriptionStatus: plan === 'free' ? 'inactive' : rng.chance(0.9) ? 'active' : 'cancelled',
    whatsappEnabled: rng.chance(0.6),
    telegramEnabled: rng.chance(0.45),
    discordEnabled: rng.chance(0.3),
    createdAtMs: Math.floor(created),
    updatedAtMs: Math.floor(created + (endMs - created) * rng.next() * 0.5),
    lastSignInAtMs: Math.floor(Math.max(created + HOUR_MS, endMs - exponential(rng, 2 * DAY_MS))),
    popularity: Math.pow(i + 1, -GOM_POPULARITY_S),
  };
}

/** GOM i's country without deriving the whole GOM (the first draw of its generator). */
export function gomCountry(ctx: SeedContext, i: number): Country {
  return rngFor(ctx.seed, 'gom', i).chance(PH_SHARE) ? 'PH' : 'MY';
}

/** Buyer account b (0 ≤ b < ctx.counts.buyerAccounts): buyer b of the population, signed up. */
export function buyerAccount(ctx: SeedContext, b: number): Account {
  const who = buyer(ctx, b);
  const rng = rngFor(ctx.seed, 'buyerAccount', b);
  const userSequence = ctx.counts.goms + b;
  const { endMs } = worldWindow(ctx);
  const created = who.accountCreatedAtMs;
  return {
    kind: 'buyer',
    index: b,
    userSequence,
    userId: who.userId!,
    country: who.country,
    currency: CURRENCY_OF[who.country],
    timezone: TIMEZONE_OF[who.country],
    name: who.name,
    username: `${who.handle}_${userSequence.toString(36)}_${runTagHex(ctx.runTag)}`,
    email: who.email!,
    phone: who.phone,
    plan: 'free',
    subscriptionStatus: 'inactive',
    whatsappEnabled: who.platform === 'whatsapp' || rng.chance(0.1),
    telegramEnabled: who.platform === 'telegram',
    discordEnabled: who.platform === 'discord',
    createdAtMs: created,
    updatedAtMs: Math.floor(created + (endMs - created) * rng.next() * 0.3),
    lastSignInAtMs: Math.floor(Math.max(created + 60_000, endMs - exponential(rng, 12 * DAY_MS))),
  };
}

/** Size of the buyer population: about 2.2 submissions per buyer, and at least every account. */
export function buyerPopulation(ctx: SeedContext): number {
  return Math.max(10, ctx.counts.buyerAccounts, Math.ceil(ctx.counts.submissions / 2.2));
}

/** Buyers are laid out 7 PH then 3 MY in every 10 indices, so a country's buyers are O(1) to pick. */
export function buyerCountry(b: number): Country {
  return b % 10 < 7 ? 'PH' : 'MY';
}

/**
 * A buyer of `country`, repeat buyers favoured (low indices, which are also the account
 * holders, buy most: r = P·u^1.6).
 */
export function pickBuyerIndex(rng: Random, population: number, country: Country): number {
  const tens = Math.floor(population / 10);
  const rest = population % 10;
  const u = rng.next();
  const w = Math.pow(u, 1.6);
  if (country === 'PH') {
    const size = tens * 7 + Math.min(rest, 7);
    const r = Math.floor(size * w);
    return Math.floor(r / 7) * 10 + (r % 7);
  }
  const size = tens * 3 + Math.max(0, rest - 7);
  const r = Math.floor(size * w);
  return Math.floor(r / 3) * 10 + 7 + (r % 3);
}

/** Buyer b of the population (country fixed by the index layout). */
export function buyer(ctx: SeedContext, b: number): Buyer {
  // Repeat buyers are picked again and again (the pick favours low indices), so the first
  // BUYER_CACHE_SIZE buyers are kept once derived. Never evicted: replacing entries would
  // promote short-lived objects to the old generation, which costs more than it saves at xl.
  // Buyers are pure values of (ctx, b); the cache is dropped whenever the context changes.
  if (b >= BUYER_CACHE_SIZE) return deriveBuyer(ctx, b);
  if (cacheCtx !== ctx) {
    cacheCtx = ctx;
    cacheValue.fill(undefined);
  }
  let value = cacheValue[b];
  if (value === undefined) cacheValue[b] = value = deriveBuyer(ctx, b);
  return value;
}

const BUYER_CACHE_SIZE = 1 << 15;
const cacheValue: (Buyer | undefined)[] = new Array<Buyer | undefined>(BUYER_CACHE_SIZE).fill(undefined);
let cacheCtx: SeedContext | null = null;

function deriveBuyer(ctx: SeedContext, b: number): Buyer {
  const rng = rngFor(ctx.seed, 'buyer', b);
  const country = buyerCountry(b);
  const person = poolsFor(ctx.seed).people[country][(rng.next() * PEOPLE_POOL_SIZE) | 0]!;
  const phone = mobileNumber(rng, country);
  const platform = pickWeighted(rng, BUYER_PLATFORMS);
  const domain = pickWeighted(rng, EMAIL_DOMAINS);
  const hasAccount = b < ctx.counts.buyerAccounts;
  let email: string | null;
  let userId: string | null = null;
  let accountCreatedAtMs = Number.NaN;
  if (hasAccount) {
    const userSequence = ctx.counts.goms + b;
    userId = userIdOf(ctx.runTag, userSequence);
    email = `${person.emailLocal}.${userSequence.toString(36)}+s${runTagHex(ctx.runTag)}@${domain}`;
    const { startMs, endMs } = worldWindow(ctx);
    accountCreatedAtMs = Math.floor(startMs + (endMs - DAY_MS - startMs) * growthQuantile(rng.next()));
  } else {
    email = rng.chance(0.85) ? `${person.emailLocal}${rng.int(0, 9) < 6 ? rng.int(1, 99) : rng.int(1995, 2009)}@${domain}` : null;
  }
  let platformId: string | null = null;
  if (platform === 'telegram') platformId = String(rng.int(100_000_000, 7_999_999_999));
  else if (platform === 'discord') platformId = `${rng.int(3, 13)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  else if (platform === 'whatsapp') platformId = phone.slice(1);
  return { index: b, country, name: person.fullName, handle: person.handle, phone, email, platform, platformId, userId, accountCreatedAtMs };
}
