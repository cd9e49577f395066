import { formatBytes, formatCount } from '../../core/format.ts';
import type { PlannedTable } from '../../seed/seedPlan.ts';

/** What a writing command will do on a target, shown before it writes (and alone with --plan). */
export interface WritePlan {
  /** What the command does, e.g. "seed tiny (seed 1, 2026-11-20)". */
  action: string;
  /** host:port/database, without secrets. */
  target: string;
  /** How DATABASE_URL connects: direct, session pooler … */
  connection: string;
  /** Database and API roles the command acts as. */
  roles: string[];
  /** Rows it writes (or removes, with `removes`). */
  tables: PlannedTable[];
  removes?: boolean;
  storageObjects: string;
  /** Other writes and limits worth knowing before it starts. */
  notes: string[];
  /** The command that removes what it writes. */
  cleanup: string;
}

/** The plan as plain lines, deterministic, no colour: it is read before a shared database is touched. */
export function writePlanText(plan: WritePlan): string {
  const lines = [`plan: ${plan.action}`, `  target      ${plan.target} (${plan.connection})`, `  acts as     ${plan.roles.join(', ')}`];
  if (plan.tables.length > 0) {
    const rows = plan.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = plan.tables.reduce((sum, t) => sum + t.bytes, 0);
    lines.push(`  ${plan.removes ? 'removes' : 'writes '}     ${formatCount(rows)} rows in ${plan.tables.length} tables${bytes > 0 ? `, about ${formatBytes(bytes)} of COPY data` : ''}`);
    const width = Math.max(...plan.tables.map((t) => t.table.length));
    for (const t of plan.tables) lines.push(`    ${t.table.padEnd(width)}  ${formatCount(t.rows).padStart(10)}${t.bytes > 0 ? `  ${formatBytes(t.bytes).padStart(9)}` : ''}`);
  }
  lines.push(`  storage     ${plan.storageObjects}`);
  for (const line of plan.notes) lines.push(`  note        ${line}`);
  lines.push(`  clean-up    ${plan.cleanup}`);
  return `${lines.join('\n')}\n`;
}
