import type { BenchStageEvents } from '../../bench/benchStage.ts';
import { benchProgress } from './benchProgress.ts';
import { seedProgress, unstamped, type LineStamp } from './seedProgress.ts';

/** What a command's stages tell, drawn on stderr: notes, seed bars, the bench line. */
export interface StageProgress extends BenchStageEvents {
  /** Clears live bars and lines; safe to call more than once. */
  stop(): void;
}

export function stageProgress(stream: NodeJS.WriteStream = process.stderr, stamp: LineStamp = unstamped): StageProgress {
  // Seed bars are made when the first table starts, so a command that never seeds draws none.
  let seed: ReturnType<typeof seedProgress> | undefined;
  const bench = benchProgress(stream);
  const seedBars = () => (seed ??= seedProgress(stream, stamp));
  return {
    note(message) {
      // A finished seed's bars and the bench line give way to the message.
      seed?.stop();
      seed = undefined;
      bench.stop();
      stream.write(`${stamp(message)}\n`);
    },
    tableStart: (table, expectedRows) => seedBars().tableStart(table, expectedRows),
    tableProgress: (table, rows) => seedBars().tableProgress(table, rows),
    tableDone(result) {
      seedBars().tableDone(result);
    },
    taskStart: (...args) => bench.taskStart?.(...args),
    stop() {
      seed?.stop();
      seed = undefined;
      bench.stop();
    },
  };
}
