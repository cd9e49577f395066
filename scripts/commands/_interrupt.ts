/**
 * An AbortSignal that Ctrl-C (SIGINT) or SIGTERM aborts, for the stages of one command: they
 * stop at the next safe point, undo what they must, and the command still writes what was
 * measured, marked partial. A second Ctrl-C is left to Node's default (exit at once).
 */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    controller.abort(new Error(`interrupted (${name})`));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
