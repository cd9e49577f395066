import { describe, expect, it } from 'vitest';
import { STATEMENTS_RESULT_NAME } from '../../bench/statStatements.ts';
import { formatMs } from '../../core/format.ts';
import type { QueryResult } from '../../results/resultsModel.ts';
import { benchTable } from '../../reports/terminal/benchTable.ts';
import { checkTable } from '../../reports/terminal/checkTable.ts';
import { seedRunsTable } from '../../reports/terminal/seedRunsTable.ts';
import { statusTable } from '../../reports/terminal/statusTable.ts';
import { textTable } from '../../reports/terminal/textTable.ts';
import { failingResults, passingResults } from '../fixtures/results/resultsFixtures.ts';

const ESC = '\u001b';

describe('textTable', () => {
  const columns = [{ header: 'name' }, { header: 'rows', align: 'right' as const }, { header: 'note', shrink: true, minWidth: 8 }];
  const rows = [
    ['orders', '1,500', 'short'],
    ['submissions', '60,000', 'a note long enough to be cut on a narrow terminal'],
  ];

  it('aligns text left and numbers right under their headings, with no trailing spaces and no escape codes', () => {
    expect(textTable(columns, rows).split('\n')).toEqual([
      'name           rows  note',
      'orders        1,500  short',
      'submissions  60,000  a note long enough to be cut on a narrow terminal',
    ]);
    expect(textTable(columns, rows)).not.toContain(ESC);
  });

  it('fits the width by cutting the shrinking column, and only that one', () => {
    const lines = textTable(columns, rows, { width: 40 }).split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines[2]).toBe('submissions  60,000  a note long enough…');
    expect(lines[1]).toBe('orders        1,500  short');
  });

  it('never shrinks a column below its minimum, even when the line stays too wide', () => {
    const lines = textTable(columns, rows, { width: 10 }).split('\n');
    expect(lines[2]).toBe('submissions  60,000  a note…');
  });

  it('cuts cells to a column\'s maxWidth and keeps each row on one line', () => {
    expect(textTable([{ maxWidth: 6 }, {}], [['abcdefghij', 'x\ny']])).toBe('abcde…  x y');
  });

  it('prints no heading line when no column has a header, and puts the indent before every line', () => {
    expect(textTable([{}, {}], [['tables', '31'], ['functions', '9']], { indent: '  ' })).toBe('  tables     31\n  functions  9');
  });

  it('bolds the heading only when colour is asked for, without changing the layout', () => {
    const plain = textTable(columns, rows).split('\n');
    const coloured = textTable(columns, rows, { color: true }).split('\n');
    expect(coloured[0]).toBe(`${ESC}[1m${plain[0]}${ESC}[22m`);
    expect(coloured.slice(1)).toEqual(plain.slice(1));
  });
});

describe('terminal renderers', () => {
  it('checkTable: one line per check within the width, then the count and the gating checks', () => {
    const checks = failingResults().checks;
    const lines = checkTable(checks, { width: 50 }).split('\n');
    expect(lines[0]).toMatch(/^result {2}check +detail$/);
    expect(lines.slice(1, 1 + checks.length).map((line) => line.slice(0, 6).trim())).toEqual(['FAIL', 'pass', 'FAIL']);
    for (const line of lines.slice(0, 1 + checks.length)) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines.at(-1)).toBe('3 checks: 1 pass, 0 warn, 2 fail, 0 skip; 1 fail-level checks failed: rls.enabled');
  });

  it('checkTable: a splinter column with the number of each advisor lint a check matches', () => {
    const [first, second, third] = failingResults().checks;
    const checks = [
      { ...first!, splinter: [{ id: '0013_rls_disabled_in_public', level: 'ERROR' as const }] },
      { ...second!, splinter: [{ id: '0028_anon_security_definer_function_executable', level: 'WARN' as const }, { id: '0029_authenticated_security_definer_function_executable', level: 'WARN' as const }] },
      third!,
    ];
    const lines = checkTable(checks, { width: 160 }).split('\n');
    expect(lines[0]).toMatch(/^result {2}check +splinter +detail$/);
    const column = lines[0]!.indexOf('splinter');
    expect(lines.slice(1, 4).map((line) => line.slice(column).split(/\s{2,}/)[0])).toEqual(['0013', '0028 0029', '']);
  });

  it('benchTable: timings through formatMs, FAIL over budget, the top finding, then pg_stat_statements', () => {
    const queries = passingResults().queries;
    const statements: QueryResult = {
      ...queries[1]!,
      name: STATEMENTS_RESULT_NAME,
      findings: [{ kind: 'topStatement', node: 'orders_active_recent (authenticated)', detail: '', numbers: { calls: 2000, totalExecMs: 1234.5, meanExecMs: 0.617 } }],
    };
    const slow = failingResults().queries[0]!;
    const text = benchTable([...queries, slow, statements], []);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^query +role +class +p50 ms +p95 ms +max ms +verdict +top finding$/);
    expect(lines[1]).toMatch(/^orders_active_recent +authenticated +typical +2\.50 +6\.00 +14\.0 +pass +seqScan Seq Scan on orders$/);
    expect(lines[4]).toMatch(new RegExp(`^orders_active_recent .* 130 +${formatMs(slow.latency.maxMs)} +FAIL$`));
    expect(text).toContain('pg_stat_statements: costliest statements during the run');
    expect(lines.at(-3)).toMatch(/^ {2}total ms +calls +mean ms +statement$/);
    expect(lines.at(-2)).toMatch(/^ +1,235 +2,000 +0\.617 +orders_active_recent \(authenticated\)$/);
  });

  it('benchTable: a what-if pair shows p95 before and after and the signed change', () => {
    const [before] = failingResults().queries;
    const after: QueryResult = { ...passingResults().queries[0]!, name: `${before!.name} (what-if)` };
    const text = benchTable([before!, after], [{ before: before!, after }]);
    expect(text).toContain('what-if: before → after');
    expect(text).toMatch(/orders_active_recent +authenticated +typical +130 +6\.00 +−95\.4 % +60\.0 → 2\.50 +FAIL → pass/);
  });

  it('statusTable and seedRunsTable: label and value columns; no runs said in words', () => {
    const { counts } = passingResults().schema!;
    const status = statusTable({ target: 'local', running: true, url: 'postgresql://postgres:****@127.0.0.1:5432/gomflow', server: { version: '18.4', versionNum: 180004, settings: { max_connections: '100' } }, counts });
    expect(status.split('\n').slice(0, 5)).toEqual([
      '  target     local (embedded PostgreSQL), running',
      '  url        postgresql://postgres:****@127.0.0.1:5432/gomflow',
      '  server     PostgreSQL 18.4',
      '  settings   max_connections=100',
      '  tables     31  (core 7, notifications 5, analytics 11, monitoring 8)',
    ]);
    expect(seedRunsTable([])).toBe('no seed runs\n');
    const runs = seedRunsTable([
      { id: 'e71a8d92', kind: 'seed', scenario: null, seed: 1, scale: 'small', referenceDate: new Date('2026-11-25T00:00:00Z'), counts: { a: 71_000, b: 740 }, status: 'complete', error: null, startedAt: new Date('2026-11-25T19:43:01Z'), finishedAt: null },
      { id: '0a1b2c3d', kind: 'scenario', scenario: 'launch-drop', seed: 0, scale: null, referenceDate: new Date('2026-11-25T00:00:00Z'), counts: { a: 1_200 }, status: 'complete', error: null, startedAt: new Date('2026-11-25T19:50:00Z'), finishedAt: null },
    ]);
    expect(runs.split('\n')).toEqual([
      'run       kind      status    seed  scale / scenario  reference     rows  started',
      'e71a8d92  seed      complete     1  small             2026-11-25  71,740  2026-11-25 19:43:01',
      '0a1b2c3d  scenario  complete     —  launch-drop       2026-11-25   1,200  2026-11-25 19:50:00',
      '',
    ]);
  });
});
