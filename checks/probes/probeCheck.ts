import { skip, type CheckContext, type CheckDefinition, type CheckOutcome } from '../checkTypes.ts';
import { createMissingPersonas, loadPersonas, type Personas } from './personas.ts';
import { withProbe, type ProbeSession } from './probeSession.ts';
import { probesReady } from './probesReady.ts';

/** One rolled-back probe transaction in which the personas the data lacks exist. */
export type InProbe = <T>(work: (session: ProbeSession) => Promise<T>) => Promise<T>;

/** A probe check: a check whose run gets the personas and a way to open probe transactions. */
export interface ProbeDefinition extends Omit<CheckDefinition, 'run'> {
  run: (ctx: CheckContext, personas: Personas, inProbe: InProbe) => Promise<CheckOutcome>;
}

/**
 * The check behind a probe, with what every probe starts with: a skip where the probes cannot
 * run (no API roles, no GOMFLOW schema), else the personas, and probe transactions that first
 * create whoever of them the data lacks.
 */
export function probeCheck(definition: ProbeDefinition): CheckDefinition {
  return {
    ...definition,
    async run(ctx) {
      const ready = await probesReady(ctx);
      if (ready !== true) return skip(ready);
      const personas = await loadPersonas(ctx);
      const inProbe: InProbe = (work) =>
        withProbe(ctx.client, async (session) => {
          await createMissingPersonas(ctx, session, personas);
          return work(session);
        });
      return definition.run(ctx, personas, inProbe);
    },
  };
}
