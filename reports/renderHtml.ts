import { buildReport, type ReportExtra, type ReportModel } from './buildReport.ts';
import type { Results } from '../results/resultsModel.ts';
import { jsonForScript } from './escapeMarkup.ts';
import { advisorSection } from './html/advisorSection.ts';
import { budgetSection } from './html/budgetSection.ts';
import { coverageSection } from './html/coverageSection.ts';
import { environmentSection } from './html/environmentSection.ts';
import { esc } from './html/markup.ts';
import { forecastSection } from './html/forecastSection.ts';
import { querySection } from './html/querySection.ts';
import { REPORT_JS } from './html/reportScript.ts';
import { REPORT_CSS } from './html/reportStyles.ts';
import { scenarioSection } from './html/scenarioSection.ts';
import { schemaSection } from './html/schemaSection.ts';
import { seedSection } from './html/seedSection.ts';
import { verdictSection } from './html/verdictSection.ts';

const VERDICT_WORDS = { ready: 'READY', 'not-ready': 'NOT READY', incomplete: 'INCOMPLETE' } as const;

// Nothing may leave the page: no fetch, no image, font or frame from anywhere.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The HTML report of a run: one self-contained offline file. */
export function renderHtml(results: Results, extra: ReportExtra = {}): string {
  return renderHtmlReport(buildReport(results, extra));
}

/** The HTML report from a computed model. */
export function renderHtmlReport(model: ReportModel): string {
  const { run } = model.results;
  const title = `GOMFLOW performance report — ${VERDICT_WORDS[model.verdict.status]} — run ${run.id}`;
  const nav = [
    ['budgets', 'Budgets'],
    ['coverage', 'Checklist'],
    ['advisor', 'Advisor lints'],
    ['queries', `Queries (${model.queries.length})`],
    ['forecast', 'Forecast'],
    ['scenarios', `Scenarios (${model.scenarios.length})`],
    ['seed', 'Seed'],
    ['schema', 'Schema'],
    ['environment', 'Environment'],
  ]
    .map(([id, label]) => `<a href="#${id}">${esc(label!)}</a>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><div class="topbar"><h1>GOMFLOW performance report</h1><nav aria-label="Sections">${nav}</nav></div></header>`,
    '<main>',
    `<p class="muted">Run <code>${esc(run.id)}</code> · <code>gomflow-load ${esc(run.command)}</code> · ${esc(run.target.kind)} target, PostgreSQL ${esc(run.target.serverVersion)} · finished ${esc(run.finishedAt)}</p>`,
    verdictSection(model),
    budgetSection(model),
    coverageSection(model),
    advisorSection(model),
    querySection(model),
    forecastSection(model),
    scenarioSection(model),
    seedSection(model),
    schemaSection(model),
    environmentSection(model),
    '</main>',
    `<footer>Rendered by gomflow-loadtest ${esc(run.harnessVersion)} from results.json (results model v${model.results.version}) alone; this file loads nothing from the network.</footer>`,
    `<script type="application/json" id="report-data">${jsonForScript(pageData(model))}</script>`,
    `<script>${REPORT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** What the page's script needs, plus the computed outcome for anyone who reads the file with a tool. */
function pageData(model: ReportModel): unknown {
  const { run } = model.results;
  return {
    run: { id: run.id, command: run.command, finishedAt: run.finishedAt, target: run.target.kind, localStack: run.target.localStack },
    verdict: { status: model.verdict.status, failing: model.verdict.failing, unmeasured: model.verdict.unmeasured },
    budgets: model.evaluations.map(({ id, title, threshold, measured, unit, status, comparison }) => ({ id, title, threshold, measured, unit, status, comparison })),
    latencyAxis: model.axis,
    queries: model.queries.map((row, i) => ({
      i,
      key: row.key,
      name: row.name,
      role: row.role,
      paramClass: row.paramClass,
      status: row.status,
      p50: row.latency.count ? row.latency.p50Ms : null,
      p95: row.latency.count ? row.latency.p95Ms : null,
      p99: row.latency.count ? row.latency.p99Ms : null,
      max: row.latency.count ? row.latency.maxMs : null,
      budgetP95: row.budgetP95Ms,
      budgetMax: row.budgetMaxMs,
      change: row.change?.p95?.deltaPct ?? null,
      regression: Boolean(row.change?.p95?.regression),
      findings: row.findings.length,
      bins: row.bins,
      search: [row.name, row.role, row.paramClass, row.status, ...row.findings.map((f) => `${f.kind} ${f.node ?? ''}`)].join(' ').toLowerCase(),
    })),
    scenarios: model.scenarios.map((view) => ({ name: view.scenario.name, status: view.scenario.status, throughputRps: view.throughputRps, series: view.series })),
  };
}
