import type { ReportModel } from '../buildReport.ts';
import { formatCount } from '../../core/format.ts';
import { badge, emptyNote, esc, facts, section, table } from './markup.ts';

/** Objects found after applying the schema, statements the server rejected, objects adapted to this server. */
export function schemaSection(model: ReportModel): string {
  const schema = model.results.schema;
  if (!schema) return section('schema', 'Schema', emptyNote('This run did not apply or verify the schema.'));
  const c = schema.counts;
  const g = c.tablesByGroup;
  const counts = facts([
    ['source', `${esc(schema.source)}${schema.file ? ` <code>${esc(schema.file)}</code>` : ''}`],
    ['tables', `${esc(formatCount(c.tables))} <span class="muted">(core ${g.core}, notifications ${g.notifications}, analytics ${g.analytics}, monitoring ${g.monitoring})</span>`],
    ['row level security', `${esc(formatCount(c.rlsTables))} of ${esc(formatCount(c.tables))} tables ${badge(c.rlsTables === c.tables ? 'pass' : 'warn', c.rlsTables === c.tables ? 'all' : 'not all')}`],
    ['policies', esc(formatCount(c.policies))],
    ['indexes', `${esc(formatCount(c.explicitIndexes))} explicit, ${esc(formatCount(c.indexes))} in all`],
    ['functions', esc(formatCount(c.functions))],
    ['triggers', esc(formatCount(c.triggers))],
    ['enums', esc(formatCount(c.enums))],
    ['views', esc(formatCount(c.views))],
    ['storage buckets', esc(formatCount(c.buckets))],
    ['notification templates', esc(formatCount(c.templates))],
  ]);
  const failures = schema.failures.length
    ? `<h3>${badge('fail')} ${formatCount(schema.failures.length)} rejected statement${schema.failures.length === 1 ? '' : 's'}</h3>` +
      table(
        ['Line', 'Statement', 'Server said', 'SQLSTATE'],
        schema.failures.map((f) => `<tr><td class="num">${f.line}</td><td><code>${esc(f.statement)}</code></td><td>${esc(f.message)}${f.hint ? `<br><span class="muted">hint: ${esc(f.hint)}</span>` : ''}</td><td><code>${esc(f.sqlState ?? '')}</code></td></tr>`),
      )
    : `<p>${badge('pass')} Every statement applied.</p>`;
  const adaptations = schema.adaptations.length
    ? `<h3>${formatCount(schema.adaptations.length)} adaptation${schema.adaptations.length === 1 ? '' : 's'} to this server (findings)</h3>` +
      table(
        ['Object', 'Kind', 'Why', 'Change'],
        schema.adaptations.map(
          (a) =>
            `<tr><th scope="row"><code>${esc(a.object)}</code></th><td>${esc(a.kind)}</td><td>${esc(a.reason)}</td><td>${
              a.original || a.adapted ? `<details><summary>SQL</summary>${a.original ? `<p>production:</p><pre>${esc(a.original)}</pre>` : ''}${a.adapted ? `<p>ran instead:</p><pre>${esc(a.adapted)}</pre>` : ''}</details>` : ''
            }</td></tr>`,
        ),
      )
    : '';
  return section('schema', 'Schema', counts + failures + adaptations);
}
