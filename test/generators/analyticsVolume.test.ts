import { describe, expect, it } from 'vitest';
import { resolveScale } from '../../generators/resolveScale.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import type { SeedContext } from '../../generators/types.ts';
import { seedRunTag } from '../../seed/runSeed.ts';
import { ms, rowsOf, specOf, streamDigest, tinyContext, type Cell } from '../helpers/tinyRows.ts';

const DAY_MS = 86_400_000;
const tiny = tinyContext(7);
const built: SeedContext = { ...tiny, analytics: 'built' };
/** A larger world than tiny, through --scale counts: 10× the submissions, four months of analytics. */
const custom: SeedContext = { ...tiny, counts: resolveScale('goms=100,buyerAccounts=400,orders=800,submissions=20000,analyticsDays=120,monitoringHours=0', {}).counts };
const ANALYTICS = ['public.analytics_events', 'public.analytics_user_sessions', 'public.analytics_aggregations'];

type Event = Record<string, Cell>;
const route = (e: Event): string | undefined => (JSON.parse(e.event_data as string) as { route?: string }).route;
/** A tracked API call: event_data.route names the method and path. */
const isCall = (e: Event): boolean => /^(GET|POST) \//.test(route(e) ?? '');

/** API-call events on the web per web buyer who submitted while tracking was on. */
function callsPerWebSubmitter(events: Event[]): number {
  const submitters = new Set(events.filter((e) => e.event_type === 'submission_created' && e.platform === 'web').map((e) => e.submission_id));
  const calls = events.filter((e) => e.platform === 'web' && isCall(e)).length;
  expect(submitters.size).toBeGreaterThan(100);
  return calls / submitters.size;
}

describe("analytics volume, 'designed' mode (the default)", () => {
  const events = rowsOf(tiny, 'public.analytics_events');

  it('tracks about 10.5 API calls per web submitter at tiny', () => {
    const perSubmitter = callsPerWebSubmitter(events);
    expect(perSubmitter).toBeGreaterThan(9.5);
    expect(perSubmitter).toBeLessThan(11.5);
  });

  it('tracks about 10.5 API calls per web submitter at a larger custom scale too', () => {
    const perSubmitter = callsPerWebSubmitter(rowsOf(custom, 'public.analytics_events'));
    expect(perSubmitter).toBeGreaterThan(9.5);
    expect(perSubmitter).toBeLessThan(11.5);
  });

  it('follows the funnel: more order viewers than submitters, than proofs uploaded, than payments verified', () => {
    const viewers = new Set(events.filter((e) => route(e) === 'GET /api/orders/[id]' && e.platform === 'web').map((e) => e.session_id));
    const step = (type: string) => new Set(events.filter((e) => e.event_type === type && e.platform === 'web').map((e) => e.submission_id)).size;
    const [submitted, uploaded, verified] = [step('submission_created'), step('submission_payment_uploaded'), step('submission_payment_verified')];
    expect(viewers.size).toBeGreaterThan(submitted * 1.5);
    expect(submitted).toBeGreaterThan(uploaded);
    expect(uploaded).toBeGreaterThan(verified);
    expect(verified).toBeGreaterThan(submitted / 2);
  });

  it('tracks every submission of its analytics window and nothing older: bounded by days of history, never thinned', () => {
    const endMs = tiny.referenceDate.getTime();
    const fromMs = endMs - tiny.counts.analyticsDays * DAY_MS;
    const created = new Set(events.filter((e) => e.event_type === 'submission_created').map((e) => e.submission_id));
    const inWindow = rowsOf(tiny, 'public.submissions').filter((s) => ms(s.created_at) >= fromMs + 3_600_000);
    expect(inWindow.length).toBeGreaterThan(300);
    expect(inWindow.filter((s) => !created.has(s.id)).map((s) => s.id)).toEqual([]);
    for (const e of events) expect(ms(e.created_at)).toBeGreaterThanOrEqual(fromMs);
    for (const s of rowsOf(tiny, 'public.analytics_user_sessions')) expect(ms(s.started_at)).toBeGreaterThanOrEqual(fromMs);
  });

  it("keeps large's analytics to its last analyticsDays days before the reference date", () => {
    const large: SeedContext = { ...tiny, counts: SCALE_PRESETS.large };
    const fromMs = large.referenceDate.getTime() - SCALE_PRESETS.large.analyticsDays * DAY_MS;
    const spec = specOf('public.analytics_events');
    const at = spec.columns.indexOf('created_at');
    let n = 0;
    let earliest = Infinity;
    for (const row of spec.rows(large)) {
      earliest = Math.min(earliest, (row[at] as Date).getTime());
      n += 1;
    }
    expect(SCALE_PRESETS.large.analyticsDays).toBeLessThan(30);
    expect(n).toBeGreaterThan(100_000);
    expect(earliest).toBeGreaterThanOrEqual(fromMs);
    // The window is full: its first day already has events.
    expect(earliest).toBeLessThan(fromMs + DAY_MS);
  }, 120_000);

  it('estimates events and sessions within 15 % of what it generates', () => {
    for (const ctx of [tiny, custom]) {
      for (const table of ['public.analytics_events', 'public.analytics_user_sessions']) {
        const actual = streamDigest(specOf(table), ctx).rows;
        expect(Math.abs(specOf(table).estimateRows(ctx) - actual), table).toBeLessThan(actual * 0.15);
      }
    }
  });
});

describe("analytics volume, 'built' mode", () => {
  it('records what the app posts today: no events, so no sessions and no aggregations either', () => {
    for (const table of ANALYTICS) {
      expect(streamDigest(specOf(table), built).rows, table).toBe(0);
      expect(specOf(table).estimateRows(built), table).toBe(0);
    }
    expect(rowsOf(tiny, 'public.analytics_events').length).toBeGreaterThan(5_000);
  });

  it('changes nothing but the analytics the app records', () => {
    for (const spec of ALL_TABLE_SPECS.filter((s) => !ANALYTICS.includes(s.table))) {
      expect(streamDigest(spec, built), spec.table).toEqual(streamDigest(spec, tiny));
    }
  });

  it('seeds under another run tag than designed, so the two never collide', () => {
    const tag = (mode: SeedContext['analytics']) => seedRunTag(7, SCALE_PRESETS.tiny, tiny.referenceDate, mode);
    expect(tag('built')).not.toBe(tag('designed'));
    expect(tag('built')).toBe(tag('built'));
  });
});
