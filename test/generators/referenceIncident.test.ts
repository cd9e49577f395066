import { describe, expect, it } from 'vitest';
import { MONITORING_SPECS } from '../../generators/monitoring/index.ts';
import { referenceIncident } from '../../generators/monitoring/incidents.ts';
import { metricModel } from '../../generators/monitoring/metricModel.ts';
import { SERVICES } from '../../generators/monitoring/services.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import type { SeedContext } from '../../generators/types.ts';
import { specRows } from '../helpers/specRows.ts';

const { rowsOf, col } = specRows(MONITORING_SPECS);
/** Reference instants at local (UTC+8) midnight, morning and afternoon: far from the evening drops. */
const MANILA = ['00:00', '08:00', '16:00'];
const at = (day: string, manila: string): Date => new Date(Date.parse(`${day}T${manila}:00+08:00`));

describe('monitoring at any reference instant', () => {
  it('raises alerts and notifies someone at tiny (2 h of monitoring), whatever the time of day', () => {
    for (const seed of [1, 7, 42]) {
      for (const day of ['2026-11-20', '2026-11-22']) {
        for (const manila of MANILA) {
          const ctx: SeedContext = { seed, runTag: 0x0badcafe, referenceDate: at(day, manila), counts: SCALE_PRESETS.tiny, analytics: 'designed' };
          const where = `seed ${seed}, ${day} ${manila} Manila`;
          const alerts = rowsOf('monitoring_alerts', ctx);
          expect(alerts.length, where).toBeGreaterThan(0);
          expect(rowsOf('monitoring_notifications', ctx).length, where).toBeGreaterThan(0);
          const incident = referenceIncident(seed, ctx.referenceDate.getTime());
          const raised = alerts.filter((a) => (a[col('monitoring_alerts', 'created_at')] as Date).getTime() >= incident.startMs);
          expect(raised.map((a) => a[col('monitoring_alerts', 'type')]), where).toContain('error_rate_high');
        }
      }
    }
  });

  it('ends the world on an error burst that crosses the 5 % rule, within the last hour, never in a planned window', () => {
    // 2026-11-22 is a Sunday: 03:00–03:30 local is gomflow-core's weekly maintenance.
    for (const ref of [at('2026-11-20', '08:00'), at('2026-11-22', '03:40'), at('2026-11-22', '03:20')]) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const incident = referenceIncident(seed, ref.getTime());
        expect(incident.kind).toBe('error_burst');
        expect(incident.magnitude * 0.85).toBeGreaterThan(5);
        expect(incident.startMs).toBeGreaterThanOrEqual(ref.getTime() - 3_600_000);
        expect(incident.endMs).toBeLessThanOrEqual(ref.getTime());
        expect(incident.endMs - incident.startMs).toBeGreaterThanOrEqual(4 * 60_000);
        const ctx: SeedContext = { seed, runTag: 1, referenceDate: ref, counts: SCALE_PRESETS.tiny, analytics: 'designed' };
        const statuses = rowsOf('monitoring_alerts', ctx)
          .filter((a) => a[col('monitoring_alerts', 'service')] === SERVICES[incident.service]!.name && a[col('monitoring_alerts', 'type')] === 'error_rate_high')
          .filter((a) => (a[col('monitoring_alerts', 'created_at')] as Date).getTime() >= incident.startMs)
          .map((a) => a[col('monitoring_alerts', 'status')]);
        expect(statuses.length).toBeGreaterThan(0);
        expect(statuses).not.toContain('suppressed');
      }
    }
  });

  it('depends only on the seed and the reference date, so windows of any length hold the same incident', () => {
    const ref = at('2026-11-20', '08:00').getTime();
    expect(referenceIncident(7, ref)).toEqual(referenceIncident(7, ref));
    const short: SeedContext = { seed: 7, runTag: 1, referenceDate: new Date(ref), counts: SCALE_PRESETS.tiny, analytics: 'designed' };
    const long: SeedContext = { ...short, counts: { ...SCALE_PRESETS.tiny, monitoringHours: 24 } };
    const current = (ctx: SeedContext) => metricModel(ctx).incidents.filter((i) => i.key.startsWith('reference:'));
    expect(current(short)).toEqual([referenceIncident(7, ref)]);
    expect(current(long)).toEqual(current(short));
  });
});
