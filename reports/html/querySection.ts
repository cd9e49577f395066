import type { QueryRow, ReportModel } from '../buildReport.ts';
import type { BaselineEntry } from '../compareBaseline.ts';
import { formatChange, formatCount, formatMs } from '../../core/format.ts';
import { badge, emptyNote, esc, section } from './markup.ts';
import { axisSvg, sparklineSvg } from './svgCharts.ts';

/** Sortable, filterable query table: one <tbody> per query so its plan row moves with it. */
export function querySection(model: ReportModel): string {
  if (model.queries.length === 0) {
    return section('queries', 'Queries', emptyNote('No query benchmarks in this run; `gomflow-load bench` measures the catalog queries.'));
  }
  const withBaseline = model.comparison !== undefined;
  const headers: [string, string | undefined][] = [
    ['Result', 'status'],
    ['Query', 'name'],
    ['Role', 'role'],
    ['Params', 'paramClass'],
    ['p50 ms', 'p50'],
    ['p95 ms', 'p95'],
    ['p99 ms', 'p99'],
    ['max ms', 'max'],
    ['Budget p95 / max', undefined],
    [`Distribution${axisSvg(model.axis)}`, undefined],
    ...(withBaseline ? ([['p95 vs baseline', 'change']] as [string, string][]) : []),
    ['Findings', 'findings'],
  ];
  const head = headers
    // Labels are the code's own text (the distribution heading holds its axis SVG), never results data.
    .map(([label, key]) => (key ? `<th scope="col" aria-sort="none"><button type="button" data-sort="${key}">${label}<span class="arrow" aria-hidden="true"></span></button></th>` : `<th scope="col">${label}</th>`))
    .join('');
  const bodies = model.queries.map((row, index) => queryBody(model, row, index, headers.length, withBaseline)).join('');
  const failing = model.queries.filter((row) => row.status === 'fail').length;
  const controls =
    `<div class="controls" role="search"><label>Filter <input type="search" id="query-filter" placeholder="name, role, finding…" autocomplete="off"></label> ` +
    `<label>Show <select id="query-status"><option value="all">all</option><option value="fail">failing</option><option value="pass">passing</option>${withBaseline ? '<option value="regression">regressed</option>' : ''}<option value="findings">with findings</option></select></label> ` +
    `<span id="query-count" class="muted" aria-live="polite">${formatCount(model.queries.length)} queries</span></div>`;
  const legend =
    `<p class="muted">Distribution: samples per latency bin on one log axis shared by every query and scenario (drawn above the column; bar height ∝ √share, so tails show); ` +
    `solid line = p95, dashed red line = p95 budget. Decoded from the HDR histograms in results.json.</p>`;
  return section(
    'queries',
    'Queries',
    `<p class="lead">${formatCount(model.queries.length)} query benchmarks, ${failing ? `<strong>${formatCount(failing)} over budget</strong>` : 'all within budget'}; worst first. Click a heading to sort.</p>` +
      controls +
      `<div class="scroll"><table id="query-table" class="queries"><thead><tr>${head}</tr></thead>${bodies}</table></div>` +
      legend,
  );
}

function queryBody(model: ReportModel, row: QueryRow, index: number, columns: number, withBaseline: boolean): string {
  const l = row.latency;
  const timed = l.count > 0;
  const cell = (ms: number, over = false) => `<td class="num${over ? ' over' : ''}">${timed ? `${over ? '<span aria-hidden="true">✘ </span>' : ''}${esc(formatMs(ms))}` : '—'}</td>`;
  const spark = row.bins
    ? sparklineSvg({ bins: row.bins, axis: model.axis, p95Ms: l.p95Ms, budgetMs: row.budgetP95Ms, label: `${row.label}: ${formatCount(l.count)} samples from ${formatMs(l.minMs)} to ${formatMs(l.maxMs)} ms, p95 ${formatMs(l.p95Ms)} ms, budget ${formatMs(row.budgetP95Ms)} ms` })
    : `<span class="muted">${timed ? 'histogram unreadable' : 'no samples'}</span>`;
  const findings = row.findings.length ? `<ul class="tight">${row.findings.map((finding) => `<li><code>${esc(finding.kind)}</code>${finding.node ? ` ${esc(finding.node)}` : ''}</li>`).join('')}</ul>` : '<span class="muted">none</span>';
  const main =
    `<tr><td>${badge(row.status)}</td><th scope="row" class="qname">${esc(row.name).replace(/_/g, '_<wbr>')}</th><td>${esc(row.role)}</td><td>${esc(row.paramClass)}</td>` +
    cell(l.p50Ms) + cell(l.p95Ms, row.p95Status === 'fail') + cell(l.p99Ms) + cell(l.maxMs, row.maxStatus === 'fail') +
    `<td class="num">&lt; ${esc(formatMs(row.budgetP95Ms))} / &lt; ${esc(formatMs(row.budgetMaxMs))}</td><td>${spark}</td>` +
    (withBaseline ? `<td>${changeCell(row.change)}</td>` : '') +
    `<td>${findings}</td></tr>`;
  const more = moreRow(row, columns);
  return `<tbody data-i="${index}" class="r-${row.status}">${main}${more}</tbody>`;
}

export function changeCell(change: BaselineEntry | undefined): string {
  if (!change || change.presence === 'new') return '<span class="muted">new</span>';
  if (!change.p95) return '<span class="muted">—</span>';
  const text = esc(formatChange(change.p95.deltaMs, change.p95.deltaPct));
  const was = `<span class="muted">was ${esc(formatMs(change.p95.beforeMs))} ms</span>`;
  if (change.p95.regression) return `${badge('regression')}<br>${text}<br>${was}`;
  if (change.p95.improvement) return `${badge('improvement')}<br>${text}<br>${was}`;
  return `${text}<br>${was}`;
}

function moreRow(row: QueryRow, columns: number): string {
  const l = row.latency;
  const parts: string[] = [];
  parts.push(
    `<p class="muted">${formatCount(row.iterations)} timed executions · mean ${esc(formatMs(l.meanMs))} ms · σ ${esc(formatMs(l.stdDevMs))} ms · min ${esc(formatMs(l.minMs))} ms · p90 ${esc(formatMs(l.p90Ms))} ms` +
      (row.planningMs !== undefined ? ` · planning ${esc(formatMs(row.planningMs))} ms` : '') +
      (row.executionMs !== undefined ? ` · execution ${esc(formatMs(row.executionMs))} ms (EXPLAIN ANALYZE)` : '') +
      `</p>`,
  );
  for (const finding of row.findings) {
    const numbers = finding.numbers ? Object.entries(finding.numbers).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => `${key}=${value}`).join(' ') : '';
    parts.push(`<p><code>${esc(finding.kind)}</code>${finding.node ? ` on <em>${esc(finding.node)}</em>` : ''}: ${esc(finding.detail)}${numbers ? ` <span class="muted">(${esc(numbers)})</span>` : ''}</p>`);
  }
  if (row.plan) parts.push(`<pre class="plan">${esc(row.plan)}</pre>`);
  const summary = row.plan ? (row.findings.length ? 'plan and findings' : 'plan') : row.findings.length ? 'findings' : 'details';
  return `<tr class="more"><td colspan="${columns}"><details><summary>${summary} — ${esc(row.label)}</summary>${parts.join('')}</details></td></tr>`;
}
