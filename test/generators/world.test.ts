import { describe, expect, it } from 'vitest';
import { listing } from '../../generators/catalog/listing.ts';
import { PHONE_PATTERN, mobileNumber } from '../../generators/locale/country.ts';
import { poolsFor } from '../../generators/pools.ts';
import { rngFor } from '../../generators/random.ts';
import { runUuid } from '../../generators/runUuid.ts';
import { TABLE_CODES, type SeedContext } from '../../generators/types.ts';
import { idMaker } from '../../generators/world/ids.ts';
import {
  account,
  allSubmissions,
  buyerAccount,
  gom,
  order,
  orderOfSubmission,
  paymentReference,
  submission,
  submissionAt,
  submissionCoreOf,
  worldPlan,
} from '../../generators/world/index.ts';
import { tinyContext } from '../helpers/tinyRows.ts';

const ctx = tinyContext(7);

describe('world model', () => {
  it('makes ids exactly as runUuid does', () => {
    for (const table of ['public.submissions', 'public.orders', 'public.analytics_events'] as const) {
      const make = idMaker(ctx.runTag, table);
      for (const n of [0, 1, 255, 4096, 2 ** 40 + 5]) expect(make(n)).toBe(runUuid(ctx.runTag, TABLE_CODES[table], n));
    }
    expect(gom(ctx, 3).userId).toBe(runUuid(ctx.runTag, TABLE_CODES['auth.users'], 3));
    expect(buyerAccount(ctx, 2).userId).toBe(runUuid(ctx.runTag, TABLE_CODES['auth.users'], ctx.counts.goms + 2));
    expect(order(ctx, 9).id).toBe(runUuid(ctx.runTag, TABLE_CODES['public.orders'], 9));
  });

  it('re-derives any entity anywhere: the same values from any entry point, in any order', () => {
    const o = order(ctx, 42);
    const direct = submission(ctx, 42, 1);
    expect(submissionAt(ctx, o.firstSubmission + 1)).toEqual(direct);
    expect(order(ctx, 42)).toEqual(o);
    expect(account(ctx, 5)).toEqual(gom(ctx, 5));
    const core = submissionCoreOf(ctx, o, 1);
    for (const key of Object.keys(core) as (keyof typeof core)[]) expect(direct[key]).toEqual(core[key]);
  });

  it('splits submissions over orders exactly, for presets and odd explicit counts', () => {
    const odd: SeedContext = { ...ctx, counts: { goms: 3, buyerAccounts: 1, orders: 7, submissions: 1001, analyticsDays: 30, monitoringHours: 1 } };
    for (const c of [ctx, odd]) {
      const plan = worldPlan(c);
      expect(Array.from(plan.orderSubmissions).reduce((a, b) => a + b, 0)).toBe(c.counts.submissions);
      expect(plan.orderFirstSubmission[c.counts.orders]).toBe(c.counts.submissions);
      let n = 0;
      for (const s of allSubmissions(c)) {
        expect(s.sequence).toBe(n);
        expect(orderOfSubmission(plan, n)).toBe(s.orderIndex);
        n += 1;
      }
      expect(n).toBe(c.counts.submissions);
    }
  });

  it('rejects counts that cannot form a world, naming the reason', () => {
    const bad: SeedContext = { ...ctx, counts: { ...ctx.counts, goms: 0 } };
    expect(() => worldPlan(bad)).toThrow(/expected goms >= 1/);
  });

  it('derives every timestamp from the reference date, never the clock', () => {
    const later: SeedContext = { ...ctx, referenceDate: new Date(ctx.referenceDate.getTime() + 86_400_000) };
    expect(order(later, 10).createdAtMs - order(ctx, 10).createdAtMs).toBe(86_400_000);
  });

  it('numbers payment references uniquely in the PH-/MY- 8-hex shape', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n += 1) seen.add(paymentReference(ctx.runTag, 'PH', n));
    expect(seen.size).toBe(200_000);
    expect(paymentReference(ctx.runTag, 'MY', 5)).toMatch(/^MY-[0-9A-F]{8}$/);
  });

  it('writes E.164 mobile numbers per country', () => {
    for (let i = 0; i < 2000; i += 1) {
      expect(mobileNumber(rngFor(1, 'ph', i), 'PH')).toMatch(PHONE_PATTERN.PH);
      expect(mobileNumber(rngFor(1, 'my', i), 'MY')).toMatch(PHONE_PATTERN.MY);
    }
  });

  it('prices listings by kind within the PHP and MYR ranges, titled as GOMs write them', () => {
    for (let i = 0; i < 2000; i += 1) {
      const ph = listing(rngFor(2, 'l', i), 'PH', 2026);
      const my = listing(rngFor(3, 'l', i), 'MY', 2026);
      expect(ph.priceMinor / 100).toBeGreaterThanOrEqual(350);
      expect(ph.priceMinor / 100).toBeLessThanOrEqual(4500);
      expect(my.priceMinor / 100).toBeGreaterThanOrEqual(30);
      expect(my.priceMinor / 100).toBeLessThanOrEqual(400);
      expect(ph.title).toMatch(/^\[[A-Z +-]+\] /);
      expect(ph.slugBase).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(ph.title.length).toBeLessThanOrEqual(255);
    }
  });

  it('builds local name pools once per seed with Filipino and Malaysian names', () => {
    const pools = poolsFor(7);
    expect(poolsFor(7)).toBe(pools);
    expect(pools.people.PH.some((p) => /Santos|Reyes|Cruz|Dela Cruz|Garcia/.test(p.fullName))).toBe(true);
    expect(pools.people.MY.some((p) => / binti | bin /.test(p.fullName))).toBe(true);
    expect(pools.people.MY.some((p) => /^(?:[A-Z][a-z]+ )?(Tan|Lim|Lee|Ng|Wong) /.test(p.fullName))).toBe(true);
    for (const p of [...pools.people.PH, ...pools.people.MY]) {
      expect(p.emailLocal).toMatch(/^[a-z0-9]+(\.[a-z0-9]+)*$/);
      expect(p.fullName).not.toMatch(/["\\]/);
    }
    expect(pools.userAgents.some((ua) => /bot/i.test(ua))).toBe(false);
  });

  it('gives GOMs popularity by index and countries in the PH/MY mix', () => {
    const goms = Array.from({ length: ctx.counts.goms }, (_, i) => gom(ctx, i));
    expect(goms[0]!.popularity).toBeGreaterThan(goms[10]!.popularity);
    expect(goms.filter((g) => g.country === 'PH').length).toBeGreaterThan(goms.length / 3);
    for (const g of goms) expect(g.timezone).toBe(g.country === 'PH' ? 'Asia/Manila' : 'Asia/Kuala_Lumpur');
  });
});
