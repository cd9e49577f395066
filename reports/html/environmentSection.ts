import type { ReportModel } from '../buildReport.ts';
import { formatDuration } from '../../core/format.ts';
import { esc, facts, section, table } from './markup.ts';

const TARGET_KINDS: Record<string, string> = {
  local: 'local (embedded PostgreSQL)',
  postgres: 'postgres (DATABASE_URL)',
  supabase: 'supabase (a Supabase project)',
};

/** What the numbers were measured on: target, server, settings, scale and seed, harness version. */
export function environmentSection(model: ReportModel): string {
  const { run } = model.results;
  const t = run.target;
  const duration = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  const pairs: [string, string][] = [
    ['run', `<code>${esc(run.id)}</code>`],
    ['command', `<code>gomflow-load ${esc(run.command)}</code>`],
    ['started', esc(run.startedAt)],
    ['finished', `${esc(run.finishedAt)}${Number.isFinite(duration) && duration >= 0 ? ` (${esc(formatDuration(duration))})` : ''}`],
    ['target', esc(TARGET_KINDS[t.kind] ?? t.kind)],
    ['host', `<code>${esc(t.host)}</code> <span class="muted">(as stored: redacted for remote targets)</span>`],
    ['database', `<code>${esc(t.database)}</code>`],
    ['server', `PostgreSQL ${esc(t.serverVersion)} <span class="muted">(${t.serverVersionNum})</span>`],
    ['stack', t.localStack ? '<strong>local Supabase-compatible stand-in</strong> — numbers marked “stand-in”' : 'no stand-in services measured'],
    ['scale', esc(run.scale ?? '—')],
    ['seed', esc(run.seed === undefined ? '—' : String(run.seed))],
    ['harness', `gomflow-loadtest ${esc(run.harnessVersion)}`],
  ];
  const settings = Object.keys(t.settings)
    .sort()
    .map((name) => `<tr><th scope="row"><code>${esc(name)}</code></th><td><code>${esc(t.settings[name]!)}</code></td></tr>`);
  return section('environment', 'Environment', facts(pairs) + (settings.length ? `<h3>Server settings</h3>${table(['Setting', 'Value'], settings, ' class="settings"')}` : ''));
}
