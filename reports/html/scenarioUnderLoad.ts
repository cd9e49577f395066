import { formatCount, formatMs, formatPct } from '../../core/format.ts';
import type { QueryResult, ScenarioResult } from '../../results/resultsModel.ts';
import { journeysUnderLoad } from '../journeyUnderLoad.ts';
import { planText } from '../planText.ts';
import { badge, esc, table } from './markup.ts';

/**
 * What the server said about the scenario: each journey over budget (or with a captured plan)
 * beside its idle benchmark, with its slowest captured plans; every journey's wait profile; the
 * statements of the window from pg_stat_statements beside their idle figures.
 */
export function scenarioUnderLoad(s: ScenarioResult, queries: readonly QueryResult[]): string {
  const parts = [captureNote(s), journeyDetails(s, queries), waitTable(s), statementTable(s, queries)].filter(Boolean);
  return parts.length > 0 ? `<h4>Under load: plans, waits, statements</h4>${parts.join('')}` : '';
}

function captureNote(s: ScenarioResult): string {
  const c = s.capture;
  if (!c) return '';
  const settings = `auto_explain, statements ≥ ${formatMs(c.minDurationMs)} ms, sample rate ${formatPct(c.sampleRate * 100)}`;
  if (c.status !== 'captured') return `<p class="muted">Plans not captured (${esc(settings)}): ${esc(c.reason ?? 'capture is off in the config')}.</p>`;
  const logged = Object.values(c.logged).reduce((sum, n) => sum + n, 0);
  return `<p class="muted">${esc(`${formatCount(logged)} plan${logged === 1 ? '' : 's'} captured live (${settings}); the slowest of each journey below.`)}</p>`;
}

function journeyDetails(s: ScenarioResult, queries: readonly QueryResult[]): string {
  return journeysUnderLoad(s, queries)
    .map(({ journey, plans, idle, line }) => {
      const body = plans
        .map((plan) => {
          const findings = plan.findings.map((finding) => `<li><code>${esc(finding.kind)}</code>${finding.node ? ` on <em>${esc(finding.node)}</em>` : ''}: ${esc(finding.detail)}</li>`).join('');
          return `<p>${esc(`${formatMs(plan.durationMs)} ms`)} — <code>${esc(plan.query)}</code></p>${findings ? `<ul class="tight">${findings}</ul>` : ''}<pre class="plan">${esc(planText(plan.plan))}</pre>`;
        })
        .join('');
      const idlePlan = idle?.plan !== undefined ? `<p class="muted">Its plan on the idle server:</p><pre class="plan">${esc(planText(idle.plan))}</pre>` : '';
      return `<details><summary>${badge(journey.status)} ${esc(journey.name)}: ${esc(line)}</summary>${body || '<p class="muted">No plan of this journey was captured.</p>'}${idlePlan}</details>`;
    })
    .join('');
}

function waitTable(s: ScenarioResult): string {
  const sampled = (s.journeys ?? []).filter((journey) => journey.waits && journey.waits.samples > 0);
  if (sampled.length === 0) return '';
  const rows = sampled.map((journey) => {
    const waits = journey.waits!;
    const events = Object.entries(waits.events)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, 4)
      .map(([event, n]) => `${event} ${formatPct((100 * n) / waits.samples)}`)
      .join(' · ');
    const blockers = Object.entries(waits.blockedBy).map(([who, n]) => `${who} ${formatCount(n)}`).join(', ');
    return `<tr><td>${esc(journey.name)}</td><td class="num">${esc(formatCount(waits.samples))}</td><td>${esc(events)}</td><td>${esc(blockers || '—')}</td></tr>`;
  });
  return table(['journey', 'active samples', 'wait profile (share of samples)', 'lock held by'], rows);
}

function statementTable(s: ScenarioResult, queries: readonly QueryResult[]): string {
  const statements = s.statements;
  if (!statements) return '';
  if (statements.top.length === 0) return `<p class="muted">pg_stat_statements: ${esc(statements.reason ?? 'no statement of the app in the window')}.</p>`;
  const rows = statements.top.map((st) => {
    const blocks = st.sharedBlksHit + st.sharedBlksRead;
    const idle = st.catalogQuery ? queries.find((query) => query.name === st.catalogQuery && query.latency.count > 0) : undefined;
    const name = st.catalogQuery ? `<strong>${esc(st.catalogQuery)}</strong> ` : '';
    return (
      `<tr><td>${name}<code>${esc(st.query)}</code>${st.toplevel ? '' : ' <span class="muted">(in a function)</span>'}</td><td>${esc(st.role)}</td><td class="num">${esc(formatCount(st.calls))}</td>` +
      `<td class="num">${esc(formatMs(st.totalExecMs))}</td><td class="num">${esc(formatMs(st.meanExecMs))}</td><td class="num">${st.maxExecMs !== undefined ? esc(formatMs(st.maxExecMs)) : '—'}</td>` +
      `<td class="num">${esc(formatCount(st.rows))}</td><td class="num">${blocks > 0 ? esc(formatPct((100 * st.sharedBlksHit) / blocks)) : '—'}</td><td class="num">${esc(formatCount(st.sharedBlksRead))}</td>` +
      `<td class="num">${esc(formatCount(st.tempBlksWritten))}</td><td class="num">${idle?.executionMs !== undefined ? esc(formatMs(idle.executionMs)) : '—'}</td></tr>`
    );
  });
  return table(['statement (pg_stat_statements, this scenario)', 'role', 'calls', 'total ms', 'mean ms', 'max ms', 'rows', 'buffer hit', 'blocks read', 'temp blocks', 'idle exec ms (bench)'], rows);
}
