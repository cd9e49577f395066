/**
 * An AbortSignal that Ctrl-C (SIGINT) or SIGTERM aborts, for the stages of one command: they
 * stop at the next safe point, undo what they must, and the command still writes what was
 * measured, marked partial. A second Ctrl-C does not cut that clean-up short (it would leave
 * rows behind): it is answered with a line saying what is still going on.
 */
export function interruptSignal(stream: NodeJS.WritableStream = process.stderr): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      stream.write('gomflow-load: still stopping — undoing what was written and saving what was measured; this ends by itself\n');
      return;
    }
    controller.abort(new Error(`interrupted (${name})`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
