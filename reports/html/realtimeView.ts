import { formatCount, formatMs } from '../../core/format.ts';
import type { ScenarioView } from '../buildReport.ts';
import { badge, esc } from './markup.ts';
import { lineChartSvg } from './svgCharts.ts';

/** A realtime scenario's facts: subscribers and joins, every owed delivery accounted for, the RLS cost, the publication switch. */
export function realtimeFacts(view: ScenarioView): [string, string][] {
  const rt = view.scenario.realtime;
  if (!rt) return [];
  const t = rt.timeToSubscribe;
  const pairs: [string, string][] = [
    ['subscribers', `${esc(Object.entries(rt.subscribers).map(([kind, n]) => `${formatCount(n)} ${kind}`).join(' · '))} <span class="muted">raw Phoenix sockets (vsn 2.0.0), one per subscriber, each with its persona's token</span>`],
    ['joins', `${esc(formatCount(rt.joined))} joined, ${esc(formatCount(rt.joinFailures))} failed ${badge(rt.joinFailures === 0 ? 'pass' : 'fail')}; peak ${esc(formatCount(rt.peakConnected))} connected; time to subscribe p50 ${esc(formatMs(t.p50Ms))} · p99 ${esc(formatMs(t.p99Ms))} ms`],
    ['deliveries', `${esc(formatCount(rt.delivered))} of ${esc(formatCount(rt.expectedDeliveries))} owed over ${esc(formatCount(rt.changes))} changes, ${esc(rt.messagesPerSecond.toFixed(1))} msg/s <span class="muted">owed: RLS lets the subscriber see the row and it had joined before the change was sent</span>`],
    ['missing / duplicates', `${esc(formatCount(rt.missing))} missing (counted as errors) · ${esc(formatCount(rt.duplicates))} duplicates ${badge(rt.duplicates === 0 ? 'pass' : 'fail')} <span class="muted">after a ${esc(formatMs(rt.graceMs))} ms grace period</span>`],
    ['to RLS-excluded subscribers', `${esc(formatCount(rt.leaked))} ${badge(rt.leaked === 0 ? 'pass' : 'fail')}`],
  ];
  for (const reason of rt.joinFailureReasons) pairs.push(['join failure', esc(reason)]);
  if (rt.server) {
    const s = rt.server;
    pairs.push(['RLS cost (server)', `${esc(formatMs(s.rlsMsPerChange))} ms of database time per change · ${esc(formatMs(s.rlsMsPerCheck))} ms per subscriber check <span class="muted">${esc(formatCount(s.rlsChecks))} checks; one query per change per matching subscriber, on one thread, as Realtime runs them</span>`]);
    pairs.push(['skipped by the server', `${esc(formatCount(s.changesSkipped))} of ${esc(formatCount(s.changesRead))} changes <span class="muted">over its events-per-second limit</span>`]);
  } else pairs.push(['RLS cost (server)', '<span class="muted">not measured: the server\'s counters are read only when it runs in the driver\'s process (bench:realtime, tests)</span>']);
  const p = rt.publication;
  pairs.push(['publication switch', p.added.length > 0 ? `added ${esc(p.added.join(', '))} to ${esc(p.name)} for the run; ${p.restored ? 'put back as it was afterwards' : '<strong>not put back</strong>'}` : `${esc(p.name)} already held the tables the run listens on; left unchanged`]);
  return pairs;
}

/** Subscribers connected and the server's RLS time per change over the run. */
export function realtimeCharts(view: ScenarioView): string[] {
  if (!view.scenario.realtime) return [];
  const { subscribers, rlsMsPerChange } = view.series;
  const charts = [figure('Subscribers connected', lineChartSvg({ title: 'Subscribers', unit: 'subs', points: subscribers }))];
  if (rlsMsPerChange.length > 0) charts.push(figure('Server RLS database time per change as subscribers join, ms', lineChartSvg({ title: 'RLS per change', unit: 'ms', points: rlsMsPerChange })));
  return charts;
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}
