import { buildReport, type ReportExtra, type ReportModel } from './buildReport.ts';
import { describeFailure } from './decideVerdict.ts';
import { escapeMarkup as x } from './escapeMarkup.ts';
import { formatChange, formatMs, formatPct } from '../core/format.ts';
import type { Results } from '../results/resultsModel.ts';

interface TestCase {
  classname: string;
  name: string;
  /** Seconds. */
  time: number;
  failure?: { message: string; type: string; text: string };
  skipped?: string;
  out?: string;
}

/** JUnit XML of a run: one testcase per budget, check, query and scenario, so CI shows failures natively. */
export function renderJunit(results: Results, extra: ReportExtra = {}): string {
  return renderJunitReport(buildReport(results, extra));
}

export function renderJunitReport(model: ReportModel): string {
  const { run } = model.results;
  const suites: [string, TestCase[]][] = [
    ['budgets', budgetCases(model)],
    ['checks', checkCases(model)],
    ['queries', queryCases(model)],
    ['scenarios', scenarioCases(model)],
  ];
  const nonEmpty = suites.filter(([, cases]) => cases.length > 0);
  const all = nonEmpty.flatMap(([, cases]) => cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`gomflow-loadtest ${run.command} ${run.id}`)}" ${counts(all)}>`,
  ];
  for (const [name, cases] of nonEmpty) {
    lines.push(`  <testsuite name="${x(`gomflow.${name}`)}" timestamp="${x(run.finishedAt.replace(/\.\d+Z$|Z$/, ''))}" hostname="${x(run.target.host)}" ${counts(cases)}>`);
    for (const test of cases) lines.push(testcase(test));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function counts(cases: readonly TestCase[]): string {
  const time = cases.reduce((sum, test) => sum + test.time, 0);
  return `tests="${cases.length}" failures="${cases.filter((t) => t.failure).length}" errors="0" skipped="${cases.filter((t) => t.skipped !== undefined).length}" time="${time.toFixed(3)}"`;
}

function testcase(test: TestCase): string {
  const open = `    <testcase classname="${x(test.classname)}" name="${x(test.name)}" time="${test.time.toFixed(3)}"`;
  const body: string[] = [];
  if (test.failure) body.push(`      <failure message="${x(test.failure.message)}" type="${x(test.failure.type)}">${x(test.failure.text)}</failure>`);
  if (test.skipped !== undefined) body.push(`      <skipped message="${x(test.skipped)}"/>`);
  if (test.out) body.push(`      <system-out>${x(test.out)}</system-out>`);
  return body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`;
}

function budgetCases(model: ReportModel): TestCase[] {
  return model.evaluations.map((evaluation) => {
    const test: TestCase = { classname: `gomflow.budgets.${evaluation.family}`, name: evaluation.title, time: 0 };
    if (evaluation.status === 'fail') test.failure = { message: describeFailure(evaluation), type: 'budget', text: `${evaluation.id}: ${describeFailure(evaluation)}${evaluation.detail ? `\n${evaluation.detail}` : ''}` };
    else if (evaluation.status === 'skip') test.skipped = evaluation.detail ?? 'not measured';
    else test.out = describeFailure(evaluation).replace(', budget', ' within budget');
    return test;
  });
}

function checkCases(model: ReportModel): TestCase[] {
  return model.results.checks.map((check) => {
    const test: TestCase = { classname: `gomflow.checks.${check.checklistSection || 'other'}`, name: check.title && check.title !== check.id ? `${check.id}: ${check.title}` : check.id, time: 0 };
    const remediation = check.remediationSql ? `\nfix:\n${check.remediationSql}` : '';
    if (check.status === 'fail' && check.level === 'fail') test.failure = { message: check.detail, type: 'check', text: `${check.detail}${remediation}` };
    else if (check.status === 'skip') test.skipped = check.detail;
    // A warning does not gate the run (level "warn"), so CI sees it as output, not a failure.
    else test.out = check.status === 'pass' ? check.detail : `WARNING: ${check.detail}${remediation}`;
    return test;
  });
}

function queryCases(model: ReportModel): TestCase[] {
  return model.queries.map((row) => {
    const l = row.latency;
    const test: TestCase = { classname: `gomflow.queries.${row.role}.${row.paramClass}`, name: row.name, time: (l.count * l.meanMs) / 1000 };
    const numbers = l.count ? `p50 ${formatMs(l.p50Ms)} ms, p95 ${formatMs(l.p95Ms)} ms, p99 ${formatMs(l.p99Ms)} ms, max ${formatMs(l.maxMs)} ms over ${l.count} executions` : 'no timed executions';
    const change = row.change?.p95 ? `; p95 vs baseline ${formatChange(row.change.p95.deltaMs, row.change.p95.deltaPct)}${row.change.p95.regression ? ' (REGRESSION)' : ''}` : '';
    const over = [
      row.p95Status === 'fail' ? `p95 ${formatMs(l.p95Ms)} ms ≥ budget ${formatMs(row.budgetP95Ms)} ms` : '',
      row.maxStatus === 'fail' ? `max ${formatMs(l.maxMs)} ms ≥ budget ${formatMs(row.budgetMaxMs)} ms` : '',
      row.change?.p95?.regression && model.failOnRegression ? `p95 regressed ${formatChange(row.change.p95.deltaMs, row.change.p95.deltaPct)}` : '',
    ].filter(Boolean);
    if (over.length) test.failure = { message: over.join('; '), type: over[0]!.startsWith('p95 regressed') ? 'regression' : 'budget', text: `${row.label}: ${numbers}${change}\n${row.findings.map((f) => `${f.kind}: ${f.detail}`).join('\n')}` };
    else if (row.status === 'skip') test.skipped = 'no timed executions';
    else test.out = `${numbers}${change}`;
    return test;
  });
}

function scenarioCases(model: ReportModel): TestCase[] {
  return model.scenarios.map((view) => {
    const s = view.scenario;
    const test: TestCase = { classname: `gomflow.scenarios.${s.engine}`, name: s.name, time: s.durationMs / 1000 };
    const numbers = `${s.requests} requests, ${formatPct(s.errorRatePct)} errors, p95 ${formatMs(s.latency.p95Ms)} ms${s.peakConnections !== undefined ? `, peak ${s.peakConnections} connections` : ''}`;
    const reasons = [
      s.status === 'fail' ? `scenario failed${s.detail ? `: ${s.detail}` : ''}` : '',
      view.errorBudget?.status === 'fail' ? describeFailure(view.errorBudget) : '',
      view.change?.p95?.regression && model.failOnRegression ? `p95 regressed ${formatChange(view.change.p95.deltaMs, view.change.p95.deltaPct)}` : '',
    ].filter(Boolean);
    if (reasons.length) test.failure = { message: reasons.join('; '), type: 'scenario', text: numbers };
    else if (s.status === 'skip') test.skipped = s.detail ?? 'did not run';
    else test.out = numbers;
    return test;
  });
}
