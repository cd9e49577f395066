import { GomflowError } from '../../core/errors.ts';
import { applyHarnessSchema, applySchema } from './applySchema.ts';
import type { StageContext } from '../stageContext.ts';

/**
 * Seeding needs GOMFLOW's tables. The local target gets the bundled schema when they are
 * missing; a remote target is the user's, so there we only say what to do.
 */
export async function ensureGomflowSchema({ session, events }: StageContext): Promise<void> {
  const { rows } = await session.client.query(`SELECT to_regclass('public.submissions') IS NOT NULL AS present`);
  if (!(rows[0] as { present: boolean }).present) {
    if (session.target.kind !== 'local') {
      throw new GomflowError('E_SCHEMA_MISSING', `${session.target.where} has no GOMFLOW tables; apply the schema first (gomflow-load db up --confirm-target …)`);
    }
    events.note('the local target has no GOMFLOW schema yet; applying the bundled one');
    await applySchema(session.client, { source: 'bundled', withShim: true });
  }
  await applyHarnessSchema(session.client);
}
