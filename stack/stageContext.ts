import type { RunContext } from '../core/runContext.ts';
import type { TargetSession } from './targetSession.ts';

/** What a stage says as it goes; the command decides how (or whether) to show it. */
export interface StageEvents {
  /** A line worth telling the user ("removed earlier seed run …"). */
  note(message: string): void;
}

/**
 * What every stage (schema, seed, check, bench; later load) takes: the resolved config, a
 * connected target and an event sink. A stage returns its section of the results model; it
 * never prints and never sets an exit code.
 */
export interface StageContext extends RunContext {
  session: TargetSession;
  events: StageEvents;
  /** Aborted on Ctrl-C: a stage stops, undoes what it must, and throws E_ABORTED. */
  signal: AbortSignal;
}
