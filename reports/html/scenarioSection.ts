import type { ReportModel, ScenarioView } from '../buildReport.ts';
import { formatCount, formatDuration, formatMs, formatPct, formatRate } from '../../core/format.ts';
import { badge, emptyNote, esc, facts, section } from './markup.ts';
import { changeCell } from './querySection.ts';
import { capacityTable, endpointTable, journeyTable, scenarioExtraFacts } from './scenarioDetails.ts';
import { scenarioUnderLoad } from './scenarioUnderLoad.ts';
import { realtimeCharts, realtimeFacts } from './realtimeView.ts';
import { storageTables } from './storageTables.ts';
import { lineChartSvg, sparklineSvg } from './svgCharts.ts';

/** Each load scenario: totals against the budgets, and over time what its timeline has. */
export function scenarioSection(model: ReportModel): string {
  if (model.scenarios.length === 0) {
    return section('scenarios', 'Scenarios', emptyNote('No load scenario in this run; error rate and peak connections were not measured.'));
  }
  const standIn = model.results.run.target.localStack
    ? `<p class="stand-in"><span aria-hidden="true">⚠</span> Stand-in: these numbers were measured against the local Supabase-compatible stack, not Supabase's own services.</p>`
    : '';
  return section('scenarios', 'Scenarios', standIn + model.scenarios.map((view) => scenarioArticle(model, view)).join(''));
}

function scenarioArticle(model: ReportModel, view: ScenarioView): string {
  const { scenario: s, series } = view;
  const budgets = model.results.budgets;
  const l = s.latency;
  const errorStatus = view.errorBudget?.status ?? 'skip';
  const pairs: [string, string][] = [
    ['engine', esc(s.engine)],
    ['started', esc(s.startedAt)],
    ['duration', esc(formatDuration(s.durationMs))],
    ['requests', `${esc(formatCount(s.requests))} (${esc(formatRate(view.throughputRps))})`],
    ['errors', `${esc(formatCount(s.errors))} = ${esc(formatPct(s.errorRatePct))} ${badge(errorStatus)} <span class="muted">budget &lt; ${esc(formatPct(budgets.errorRatePct))}</span>`],
    ['latency', l.count > 0 ? `p50 ${esc(formatMs(l.p50Ms))} · p95 ${esc(formatMs(l.p95Ms))} · p99 ${esc(formatMs(l.p99Ms))} · max ${esc(formatMs(l.maxMs))} ms` : '—'],
  ];
  if (s.peakConnections !== undefined) {
    pairs.push(['peak connections', `${esc(formatCount(s.peakConnections))} ${badge(s.peakConnections < budgets.peakConnections ? 'pass' : 'fail')} <span class="muted">alert line ${esc(formatCount(budgets.peakConnections))} of max_connections ${esc(formatCount(budgets.maxConnections))}</span>`]);
  }
  pairs.push(...scenarioExtraFacts(s), ...realtimeFacts(view));
  if (view.change) {
    const c = view.change;
    const extra = c.throughput ? ` <span class="muted">throughput ${esc(formatRate(c.throughput.before))} → ${esc(formatRate(c.throughput.after))}; errors ${esc(formatPct(c.errorRatePct!.before))} → ${esc(formatPct(c.errorRatePct!.after))}</span>` : '';
    pairs.push(['p95 vs baseline', changeCell(c) + extra]);
  }
  if (view.bins && l.count > 0) {
    pairs.push(['distribution', sparklineSvg({ bins: view.bins, axis: model.axis, p95Ms: l.p95Ms, label: `${s.name}: ${formatCount(l.count)} samples, p95 ${formatMs(l.p95Ms)} ms` })]);
  }
  const charts: string[] = [];
  if (s.timeline.length === 0) charts.push(emptyNote('No timeline recorded for this scenario.'));
  else {
    charts.push(figure('Throughput, requests per second', lineChartSvg({ title: 'Throughput', unit: 'req/s', points: series.throughput })));
    const others = [...(series.p50.length ? [{ label: 'p50', points: series.p50 }] : []), ...(series.p99.length ? [{ label: 'p99', points: series.p99 }] : [])];
    const latencyBudget = { value: budgets.queryP95Ms, label: `budget ${budgets.queryP95Ms} ms` };
    charts.push(figure('Latency per interval (p95 solid, p50 and p99 dashed), ms', lineChartSvg({ title: 'Latency p95', unit: 'ms', points: series.p95, others, threshold: latencyBudget })));
    charts.push(figure('Error rate per interval, %', lineChartSvg({ title: 'Error rate', unit: '%', points: series.errorPct, threshold: { value: budgets.errorRatePct, label: `budget ${formatPct(budgets.errorRatePct)}` } })));
    charts.push(...realtimeCharts(view));
    if (series.connections.length) {
      charts.push(figure('Server connections against the alert line', lineChartSvg({ title: 'Server connections', unit: 'conn', points: series.connections, threshold: { value: budgets.peakConnections, label: `alert line ${budgets.peakConnections}` } })));
    } else if (!s.realtime) charts.push(emptyNote('No connection counts in the timeline.'));
    if (series.poolWait.length) {
      charts.push(figure('Wait for a connection checkout per interval (mean solid, longest dashed), ms', lineChartSvg({ title: 'Pool wait', unit: 'ms', points: series.poolWait, others: [{ label: 'max', points: series.poolWaitMax }] })));
    }
  }
  return (
    `<article class="scenario r-${s.status}"><h3>${badge(s.status)} ${esc(s.name)}</h3>` +
    (s.detail ? `<p>${esc(s.detail)}</p>` : '') +
    facts(pairs) +
    `<div class="charts">${charts.join('')}</div>${journeyTable(s)}${scenarioUnderLoad(s, model.results.queries)}${endpointTable(s)}${capacityTable(s)}${storageTables(s)}</article>`
  );
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}
