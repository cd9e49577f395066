import { formatCount, formatMs, formatSignedPct } from '../../core/format.ts';
import type { QueryFinding, QueryResult } from '../../results/resultsModel.ts';
import { STATEMENTS_RESULT_NAME } from '../../bench/statStatements.ts';
import { textTable, type TextColumn, type TextTableOptions } from './textTable.ts';

/** Kinds that say nothing is wrong; the table's "top finding" skips them. */
const INFORMATIONAL = new Set(['planSummary', 'functionStatement', 'whatIf', 'timeCapped']);

const right = (header: string): TextColumn => ({ header, align: 'right' });
/** The finding column gives up room first on a narrow terminal, and never takes more than a line's worth. */
const finding = (header: string): TextColumn => ({ header, maxWidth: 70, shrink: true });

/** Compact stderr table of a bench: query, role, class, p50/p95/max, verdict, top finding; then the pg_stat_statements summary. Pure. */
export function benchTable(results: readonly QueryResult[], pairs: readonly { before: QueryResult; after: QueryResult }[], options: TextTableOptions = {}): string {
  const measured = results.filter((result) => result.name !== STATEMENTS_RESULT_NAME && !pairs.some((pair) => pair.after === result));
  const lines = [
    textTable(
      [{ header: 'query' }, { header: 'role' }, { header: 'class' }, right('p50 ms'), right('p95 ms'), right('max ms'), { header: 'verdict' }, finding('top finding')],
      measured.map((r) => [r.name, r.role, r.paramClass, ms(r, r.latency.p50Ms), ms(r, r.latency.p95Ms), ms(r, r.latency.maxMs), verdict(r), topFinding(r)]),
      options,
    ),
  ];
  if (pairs.length > 0) {
    lines.push(
      '',
      'what-if: before → after',
      textTable(
        [{ header: 'query' }, { header: 'role' }, { header: 'class' }, right('p95 before'), right('p95 after'), right('change'), { header: 'exec ms before → after' }, { header: 'verdict' }, finding('top finding after')],
        pairs.map(({ before, after }) => [
          before.name,
          before.role,
          before.paramClass,
          ms(before, before.latency.p95Ms),
          ms(after, after.latency.p95Ms),
          before.latency.p95Ms > 0 ? formatSignedPct((100 * (after.latency.p95Ms - before.latency.p95Ms)) / before.latency.p95Ms) : '—',
          `${optionalMs(before.executionMs)} → ${optionalMs(after.executionMs)}`,
          `${verdict(before)} → ${verdict(after)}`,
          topFinding(after),
        ]),
        options,
      ),
    );
  }
  const statements = results.find((result) => result.name === STATEMENTS_RESULT_NAME);
  if (statements) {
    lines.push('', 'pg_stat_statements: costliest statements during the run');
    const top = statements.findings.filter((f) => f.kind === 'topStatement');
    for (const other of statements.findings.filter((f) => f.kind !== 'topStatement')) lines.push(`  ${other.detail}`);
    if (top.length > 0) {
      lines.push(
        textTable(
          [right('total ms'), right('calls'), right('mean ms'), { header: 'statement', shrink: true }],
          top.map((f) => [optionalMs(f.numbers?.totalExecMs), formatCount(f.numbers?.calls ?? 0), optionalMs(f.numbers?.meanExecMs), f.node ?? '']),
          { ...options, indent: '  ' },
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function ms(result: QueryResult, value: number): string {
  return result.latency.count === 0 ? '—' : formatMs(value);
}

function optionalMs(value: number | undefined): string {
  return value === undefined ? '—' : formatMs(value);
}

function verdict(result: QueryResult): string {
  if (result.latency.count === 0 && result.status === 'pass') return 'n/a';
  return result.status === 'pass' ? 'pass' : 'FAIL';
}

/** First finding that reports a problem, as "kind node" (or "kind: detail"). */
function topFinding(result: QueryResult): string {
  const first: QueryFinding | undefined = result.findings.find((f) => !INFORMATIONAL.has(f.kind));
  if (!first) return '';
  return `${first.kind}${first.node ? ` ${first.node}` : `: ${first.detail}`}`;
}
