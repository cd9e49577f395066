import type { BenchEvents } from '../../bench/runBench.ts';
import { textBar } from './textBar.ts';

/** One overwritten stderr line per task on a terminal; nothing when stderr is a pipe (CI logs, --json runs). */
export function benchProgress(stream: NodeJS.WriteStream = process.stderr): BenchEvents & { stop: () => void } {
  const live = Boolean(stream.isTTY);
  let shown = false;
  return {
    taskStart(task, index, total, phase) {
      if (!live) return;
      shown = true;
      stream.write(`\r\u001b[K${phase === 'what-if' ? 'what-if ' : ''}bench ${textBar(index / total)} ${index + 1}/${total}  ${task.query.name}  ${task.role}  ${task.paramClass}`);
    },
    stop() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
