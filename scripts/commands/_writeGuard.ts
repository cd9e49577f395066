import type { ArgsDef } from 'citty';
import type { ResolvedConfig } from '../../core/config/configSchema.ts';
import { writePlanText, type WritePlan } from '../../reports/terminal/writePlanText.ts';
import { assertSessionConnection } from '../../stack/assertSessionConnection.ts';
import { assertMayChange, assertNotProduction } from '../../stack/safety.ts';
import type { Target } from '../../stack/target.ts';
import { note } from './_shared.ts';

/** Flag of the commands that write: the plan only. */
export const planArg = {
  plan: { type: 'boolean', description: 'Print what would be written (tables, rows, bytes, storage objects, roles, clean-up command) and exit 0 without writing', default: false },
} as const satisfies ArgsDef;

export interface WriteGuard {
  /** What the command does, as refusals say it: "seed data". */
  action: string;
  confirmTarget: string | undefined;
  planOnly: boolean;
  /** The command needs one server session throughout (COPY, advisory locks): no transaction pooler. */
  session: boolean;
  plan: () => Promise<WritePlan> | WritePlan;
}

/**
 * The guards of a writing command, in order: a production identifier refuses outright; the
 * transaction pooler is refused for session work; --plan prints the plan on stdout and stops
 * (true: the command is done) without writing; writing needs --confirm-target; and on a remote
 * target the plan is shown on stderr before anything is written.
 */
export async function guardWrite(config: ResolvedConfig, target: Target, guard: WriteGuard): Promise<boolean> {
  refuseOutright(config, target, guard);
  if (guard.planOnly) {
    process.stdout.write(writePlanText(await guard.plan()));
    return true;
  }
  assertMayChange(target, guard.confirmTarget, guard.action, config.safety.productionPatterns);
  if (target.kind !== 'local') note(writePlanText(await guard.plan()).trimEnd());
  return false;
}

/** The refusals no flag lifts, which need no connection: production identifiers, and the transaction pooler for session work. */
export function refuseOutright(config: ResolvedConfig, target: Target, guard: Pick<WriteGuard, 'action' | 'session'>): void {
  assertNotProduction(target, guard.action, config.safety.productionPatterns);
  if (guard.session) assertSessionConnection(target, guard.action);
}
