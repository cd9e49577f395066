import { rngFor } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { MINUTE_MS } from './dailyCycle.ts';
import { ALERT_RULES, HEALTH_METRIC, type AlertRule } from './alertRules.ts';
import { staffAt } from './gomPicks.ts';
import { HEALTHY, METRIC_NAMES, metricModel, sampleHealth, sampleService, type HealthSample, type MetricModel } from './metricModel.ts';
import { round2 } from './noise.ts';
import { contextKey } from './contextKey.ts';
import { SERVICES } from './services.ts';

/**
 * The alerts gomflow-monitoring raised over the window, found by running the enabled rules
 * over the generated metrics minute by minute. Like its evaluate-alerts job (every 60 s, no
 * dedupe), a breach that lasts raises one alert row per minute. A breach is one episode: the
 * team acknowledges it and resolves its rows together once the metric is back; breaches
 * during a planned maintenance window are suppressed; one still going at the reference date
 * stays active.
 */
export type AlertStatus = 'active' | 'resolved' | 'acknowledged' | 'suppressed';

export interface AlertRecord {
  ruleIndex: number;
  rule: AlertRule;
  /** Minute index in the window. */
  minute: number;
  createdMs: number;
  /** current_value: the metric (for changes_by, the % change). */
  value: number;
  /** For changes_by, the value the change is measured from. */
  previous: number | null;
  status: AlertStatus;
  updatedMs: number;
  resolvedMs: number | null;
  acknowledgedMs: number | null;
  acknowledgedBy: string | null;
  /** Minute index of the episode's first alert (its key). */
  episodeStart: number;
}

const cache = new Map<string, readonly AlertRecord[]>();

export function alertHistory(ctx: SeedContext): readonly AlertRecord[] {
  const key = contextKey(ctx);
  let records = cache.get(key);
  if (!records) {
    records = evaluate(ctx, metricModel(ctx));
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(key, records);
  }
  return records;
}

interface Breach { minute: number; value: number; previous: number | null }
interface Episode { ruleIndex: number; breaches: Breach[]; clearMinute: number | null }

function evaluate(ctx: SeedContext, model: MetricModel): AlertRecord[] {
  const { minutes } = model.window;
  const episodes: Episode[] = [];
  const values = new Float64Array(METRIC_NAMES.length);
  const health: HealthSample = { status: HEALTHY, responseTimeMs: 0 };

  for (let s = 0; s < SERVICES.length; s += 1) {
    const rules = ALERT_RULES.flatMap((rule, ruleIndex) => (rule.enabled && rule.serviceIndex === s && rule.metricIndex >= 0 ? [{ rule, ruleIndex }] : []));
    if (rules.length === 0) continue;
    const state = rules.map(({ rule }) => ({
      run: 0,
      need: Math.max(1, Math.round(rule.durationSeconds / 60)),
      history: new Float64Array(minutes),
      open: null as Episode | null,
    }));
    for (let m = 0; m < minutes; m += 1) {
      sampleService(model, s, m, values);
      let healthy = 0;
      if (SERVICES[s]!.healthChecked) {
        for (let half = 0; half < 2; half += 1) {
          sampleHealth(model, s, m, half, health);
          if (health.status === HEALTHY) healthy = 1;
        }
      }
      for (let r = 0; r < rules.length; r += 1) {
        const { rule, ruleIndex } = rules[r]!;
        const st = state[r]!;
        const v = rule.metricIndex === HEALTH_METRIC ? healthy : values[rule.metricIndex]!;
        st.history[m] = v;
        let breach: Breach | null = null;
        if (rule.condition === 'changes_by') {
          if (m >= st.need) {
            const previous = st.history[m - st.need]!;
            const change = (Math.abs(v - previous) / Math.max(previous, 1)) * 100;
            if (change > rule.threshold) breach = { minute: m, value: round2(change), previous };
          }
        } else {
          const crossed = rule.condition === 'above' ? v > rule.threshold : rule.condition === 'below' ? v < rule.threshold : v === rule.threshold;
          st.run = crossed ? st.run + 1 : 0;
          if (st.run >= st.need) breach = { minute: m, value: v, previous: null };
        }
        if (breach) {
          if (!st.open) {
            st.open = { ruleIndex, breaches: [], clearMinute: null };
            episodes.push(st.open);
          }
          st.open.breaches.push(breach);
        } else if (st.open) {
          st.open.clearMinute = m;
          st.open = null;
        }
      }
    }
  }

  const records: AlertRecord[] = [];
  for (const episode of episodes) settle(ctx, model, episode, records);
  records.sort((a, b) => a.createdMs - b.createdMs || a.ruleIndex - b.ruleIndex);
  return records;
}

/** Gives an episode's rows their status, as the team and the maintenance calendar would. */
function settle(ctx: SeedContext, model: MetricModel, episode: Episode, out: AlertRecord[]): void {
  const rule = ALERT_RULES[episode.ruleIndex]!;
  const { startMs } = model.window;
  const referenceMs = model.window.referenceMs;
  const first = episode.breaches[0]!;
  const firstMs = startMs + first.minute * MINUTE_MS;
  const rng = rngFor(ctx.seed, 'monitoring-alert-episode', episode.ruleIndex, firstMs / MINUTE_MS);
  const planned = model.serviceIncidents[rule.serviceIndex]!.some((i) => i.kind === 'maintenance' && i.startMs <= firstMs && firstMs < i.endMs);
  const ackMs = firstMs + rng.int(3 * 60, 12 * 60) * 1000;
  let resolvedMs: number | null = episode.clearMinute === null ? null : startMs + episode.clearMinute * MINUTE_MS + rng.int(20, 8 * 60) * 1000;
  if (resolvedMs !== null && resolvedMs > referenceMs) resolvedMs = null;
  // Someone on the team acknowledges it, if the team had signed up by then.
  const acknowledgedBy = staffAt(ctx, rng.int(0, 2), ackMs);
  const acknowledgedFirst = acknowledgedBy !== null && (resolvedMs === null ? ackMs < referenceMs : rng.chance(0.2) && ackMs < resolvedMs);
  for (const breach of episode.breaches) {
    // Evaluation runs a few seconds after the minute's metrics are in.
    const createdMs = startMs + breach.minute * MINUTE_MS + 5000 + ((breach.minute * 7919 + episode.ruleIndex * 104_729) % 900);
    let status: AlertStatus;
    let updatedMs: number;
    let acknowledgedMs: number | null = null;
    if (planned) {
      status = 'suppressed';
      updatedMs = createdMs + 1500;
    } else if (resolvedMs !== null) {
      status = 'resolved';
      updatedMs = resolvedMs;
      if (acknowledgedFirst && createdMs < ackMs) acknowledgedMs = ackMs;
    } else if (acknowledgedFirst && createdMs < ackMs) {
      status = 'acknowledged';
      updatedMs = ackMs;
      acknowledgedMs = ackMs;
    } else {
      status = 'active';
      updatedMs = createdMs;
    }
    out.push({
      ruleIndex: episode.ruleIndex, rule, minute: breach.minute, createdMs, value: breach.value, previous: breach.previous,
      status, updatedMs, resolvedMs: status === 'resolved' ? resolvedMs : null,
      acknowledgedMs, acknowledgedBy: acknowledgedMs === null ? null : acknowledgedBy, episodeStart: first.minute,
    });
  }
}
