import type { QueryFinding, QueryResult } from '../../../results/resultsModel.ts';
import { STATEMENTS_RESULT_NAME } from '../../../bench/statStatements.ts';

/** Kinds that say nothing is wrong; the table's "top finding" skips them. */
const INFORMATIONAL = new Set(['planSummary', 'functionStatement', 'whatIf', 'timeCapped']);

/** Compact stderr table of a bench: query, role, class, p50/p95/max, verdict, top finding; then the pg_stat_statements summary. Pure. */
export function renderBenchTable(results: readonly QueryResult[], pairs: readonly { before: QueryResult; after: QueryResult }[]): string {
  const measured = results.filter((result) => result.name !== STATEMENTS_RESULT_NAME && !pairs.some((pair) => pair.after === result));
  const lines = [
    table(
      ['query', 'role', 'class', 'p50 ms', 'p95 ms', 'max ms', 'verdict', 'top finding'],
      measured.map((r) => [r.name, r.role, r.paramClass, ms(r, r.latency.p50Ms), ms(r, r.latency.p95Ms), ms(r, r.latency.maxMs), verdict(r), topFinding(r)]),
      [3, 4, 5],
    ),
  ];
  if (pairs.length > 0) {
    lines.push(
      '',
      'what-if: before → after',
      table(
        ['query', 'role', 'class', 'p95 before', 'p95 after', 'change', 'exec ms before → after', 'verdict', 'top finding after'],
        pairs.map(({ before, after }) => [
          before.name,
          before.role,
          before.paramClass,
          ms(before, before.latency.p95Ms),
          ms(after, after.latency.p95Ms),
          change(before.latency.p95Ms, after.latency.p95Ms),
          `${fixed(before.executionMs)} → ${fixed(after.executionMs)}`,
          `${verdict(before)} → ${verdict(after)}`,
          topFinding(after),
        ]),
        [3, 4, 5],
      ),
    );
  }
  const statements = results.find((result) => result.name === STATEMENTS_RESULT_NAME);
  if (statements) {
    lines.push('', 'pg_stat_statements: costliest statements during the run');
    for (const finding of statements.findings) {
      if (finding.kind !== 'topStatement') {
        lines.push(`  ${finding.detail}`);
        continue;
      }
      const n = finding.numbers ?? {};
      lines.push(`  ${fixed(n.totalExecMs).padStart(10)} ms  ${String(n.calls ?? 0).padStart(6)} calls  ${fixed(n.meanExecMs).padStart(8)} ms mean  ${finding.node ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function table(header: string[], rows: string[][], rightAligned: number[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]) =>
    cols
      .map((col, i) => (rightAligned.includes(i) ? col.padStart(widths[i]!) : col.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function ms(result: QueryResult, value: number): string {
  return result.latency.count === 0 ? '—' : fixed(value);
}

function fixed(value: number | undefined): string {
  if (value === undefined) return '—';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

function verdict(result: QueryResult): string {
  if (result.latency.count === 0 && result.status === 'pass') return 'n/a';
  return result.status === 'pass' ? 'pass' : 'FAIL';
}

function change(before: number, after: number): string {
  if (before <= 0) return '—';
  const pct = (100 * (after - before)) / before;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(0)} %`;
}

/** First finding that reports a problem, as "kind node", cut to fit a terminal line. */
export function topFinding(result: QueryResult): string {
  const finding: QueryFinding | undefined = result.findings.find((f) => !INFORMATIONAL.has(f.kind));
  if (!finding) return '';
  const text = `${finding.kind}${finding.node ? ` ${finding.node}` : `: ${finding.detail}`}`;
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}
