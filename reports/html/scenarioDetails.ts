import { formatCount, formatDuration, formatMs, formatPct, formatRate } from '../../core/format.ts';
import type { ScenarioResult } from '../../results/resultsModel.ts';
import { badge, esc, table } from './markup.ts';

/** The scenario facts the Node engine adds: errors by class, dropped iterations, pool wait, early stop, written rows, capacity. */
export function scenarioExtraFacts(s: ScenarioResult): [string, string][] {
  const pairs: [string, string][] = [];
  // A REST run with a storage section (launch-drop) uploaded its proofs beside the REST traffic.
  const storageOnly = s.storage && !s.endpoints;
  if (storageOnly) pairs.push(['via', `Storage (/storage/v1, as the app uploads)${s.localStack ? ' <span class="muted">against the local stand-in stack, a test target: not Supabase Storage</span>' : ''}`]);
  else if (s.via) pairs.push(['via', s.via === 'rest' ? `REST (/rest/v1, as the app sends it)${s.localStack ? ' <span class="muted">against the local stand-in stack, a test target: not Supabase\'s PostgREST</span>' : ''}` : 'the pg driver (SQL on the app\'s pool)']);
  if (s.storage && !storageOnly) pairs.push(['and', `Storage (/storage/v1): buyers' payment proofs after their submissions${s.realtime ? '; Realtime (/realtime/v1): GOM dashboards on their orders\' submissions' : ''}`]);
  else if (s.realtime && s.endpoints) pairs.push(['and', 'Realtime (/realtime/v1): GOM dashboards on their orders\' submissions']);
  if (s.model) pairs.push(['load model', esc(s.model.kind === 'open' ? `open, up to ${formatRate(s.model.peakRateRps ?? 0)} arrivals` : `closed, ${s.model.vus ?? '?'} virtual users`)]);
  const classes = Object.entries(s.errorsByClass ?? {}).filter(([, n]) => n > 0);
  if (classes.length > 0) pairs.push(['errors by class', esc(classes.map(([name, n]) => `${name} ${formatCount(n)}`).join(' · '))]);
  if (s.droppedIterations !== undefined) pairs.push(['dropped iterations', `${esc(formatCount(s.droppedIterations))} <span class="muted">could not start in time (every slot busy)</span>`]);
  if (s.poolWait) {
    const w = s.poolWait;
    pairs.push(['pool wait', `p50 ${esc(formatMs(w.p50Ms))} · p95 ${esc(formatMs(w.p95Ms))} · max ${esc(formatMs(w.maxMs))} ms <span class="muted">over ${esc(formatCount(w.count))} connection checkouts (asking for a connection until having one, or refused)</span>`]);
  } else if (s.poolWaitMaxMs !== undefined) pairs.push(['pool wait', `longest ${esc(formatMs(s.poolWaitMaxMs))} ms <span class="muted">waiting for a pooled connection</span>`]);
  if (s.signIns) {
    const i = s.signIns;
    pairs.push(['sign-ins', `${esc(formatCount(i.signIns))} personas through /auth/v1 in ${esc(formatDuration(i.durationMs))} at ${esc(String(i.perSecond))}/s <span class="muted">before the clock started; ${esc(formatCount(i.rateLimited))} answered 429 (retried, not errors)</span>`]);
  }
  if (s.stoppedEarly) pairs.push(['stopped early', esc(s.stoppedEarly)]);
  if (s.writes) pairs.push(['rows written', esc(s.writes.kept ? `run ${s.writes.runId}: ${formatCount(s.writes.rows)} rows kept (seed list shows it; seed clean --run ${s.writes.runId} removes them)` : `run ${s.writes.runId}: ${formatCount(s.writes.rows)} rows, removed again`)]);
  if (s.capacity) {
    const c = s.capacity;
    const held = c.heldMultiple === null ? 'less than the lowest step' : `${c.heldMultiple}× the launch peak`;
    pairs.push(['capacity', `<strong>holds ${esc(held)}</strong> <span class="muted">expected peak ${esc(formatRate(c.expectedPeakRps))}</span>${c.broke ? `; breaks at ${esc(String(c.brokeAtMultiple))}×: ${esc(c.broke)}` : ''}`]);
  }
  return pairs;
}

/** Per-journey p95 against its budget. */
export function journeyTable(s: ScenarioResult): string {
  if (!s.journeys || s.journeys.length === 0) return '';
  const rows = s.journeys.map(
    (j) =>
      `<tr><td>${badge(j.status)}</td><td>${esc(j.name)}</td><td class="muted">${esc(j.patterns.join(', '))}</td><td class="num">${esc(formatCount(j.requests))}</td>` +
      `<td class="num">${esc(formatCount(j.errors))}</td><td class="num">${esc(formatMs(j.latency.p50Ms))}</td><td class="num">${esc(formatMs(j.latency.p95Ms))}</td>` +
      `<td class="num">${esc(formatMs(j.latency.p99Ms))}</td><td class="num">&lt; ${esc(formatMs(j.budgetP95Ms))}</td></tr>`,
  );
  return table(['', 'journey', 'patterns', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 budget'], rows);
}

/** The capacity ramp's steps. */
export function capacityTable(s: ScenarioResult): string {
  if (!s.capacity) return '';
  const rows = s.capacity.steps.map(
    (step) =>
      `<tr><td>${badge(step.status)}</td><td class="num">${esc(String(step.multiple))}×</td><td class="num">${esc(formatRate(step.rateRps))}</td><td class="num">${esc(formatCount(step.requests))}</td>` +
      `<td class="num">${esc(formatPct(step.errorRatePct))}</td><td class="num">${esc(formatMs(step.p95Ms))}</td><td class="num">${step.peakConnections ?? '—'}</td>` +
      `<td class="num">${esc(formatCount(step.dropped))}</td><td>${esc(step.broke ?? '')}</td></tr>`,
  );
  return table(['', 'multiple', 'rate', 'requests', 'errors', 'p95 ms', 'peak conn', 'dropped', 'broke'], rows);
}

/** Per REST endpoint: latency of its 2xx answers, errors, and the database's and the REST layer's share of the time. */
export function endpointTable(s: ScenarioResult): string {
  if (!s.endpoints || s.endpoints.length === 0) return '';
  const share = (pct: number | undefined) => (pct === undefined ? '—' : esc(formatPct(pct)));
  const rows = s.endpoints.map((e) => {
    const classes = Object.entries(e.errorsByClass).map(([name, n]) => `${name} ${formatCount(n)}`).join(', ');
    const timed = e.latency.count > 0;
    return (
      `<tr><td>${esc(e.endpoint)}</td><td class="muted">${esc(e.patterns.join(', '))}</td><td class="num">${esc(formatCount(e.requests))}</td>` +
      `<td class="num">${esc(formatCount(e.errors))}${classes ? ` <span class="muted">${esc(classes)}</span>` : ''}</td>` +
      `<td class="num">${timed ? esc(formatMs(e.latency.p50Ms)) : '—'}</td><td class="num">${timed ? esc(formatMs(e.latency.p95Ms)) : '—'}</td><td class="num">${timed ? esc(formatMs(e.latency.p99Ms)) : '—'}</td>` +
      `<td class="num">${share(e.serverTiming?.dbSharePct)}</td><td class="num">${share(e.serverTiming?.restSharePct)}</td></tr>`
    );
  });
  return table(['endpoint', 'patterns', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'database', 'REST layer'], rows);
}
