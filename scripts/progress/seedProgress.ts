import cliProgress from 'cli-progress';
import { formatCount, formatDuration, formatRate, perSecond } from '../../core/format.ts';
import type { CopyResult } from '../../seed/copyTable.ts';
import type { LoadEvents } from '../../seed/loadTables.ts';

export interface SeedProgress extends LoadEvents {
  stop(): void;
}

/**
 * Draws seed progress on stderr: a bar per table with rows/s and ETA on a terminal, one
 * plain line per finished table otherwise (CI logs, pipes).
 */
export function seedProgress(stream: NodeJS.WriteStream = process.stderr, stamp: LineStamp = unstamped): SeedProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream, stamp);
}

function barProgress(stream: NodeJS.WriteStream): SeedProgress {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: ' {table} |{bar}| {value}/{total} rows | {rate} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, { bar: cliProgress.SingleBar; started: number }>();
  return {
    tableStart(table, expectedRows) {
      bars.set(table, { bar: multi.create(Math.max(expectedRows, 1), 0, { table: table.padEnd(34), rate: formatRate(0, 'rows') }), started: performance.now() });
    },
    tableProgress(table, rows) {
      const entry = bars.get(table);
      if (!entry) return;
      entry.bar.update(Math.min(rows, entry.bar.getTotal()), { rate: formatRate(perSecond(rows, performance.now() - entry.started), 'rows') });
    },
    tableDone(result) {
      const entry = bars.get(result.table);
      if (!entry) return;
      entry.bar.setTotal(Math.max(result.rows, 1));
      entry.bar.update(result.rows, { rate: formatRate(perSecond(result.rows, result.ms), 'rows') });
      entry.bar.stop();
    },
    rebuildStart: (indexes, foreignKeys) => multi.log(`checking ${foreignKeys} foreign keys, rebuilding ${indexes} indexes, then ANALYZE…\n`),
    stop: () => multi.stop(),
  };
}

/** What goes before a plain line: nothing, or the time (the live view's lines off a terminal). */
export type LineStamp = (line: string) => string;
export const unstamped: LineStamp = (line) => line;

function lineProgress(stream: NodeJS.WriteStream, stamp: LineStamp): SeedProgress {
  return {
    tableStart: () => undefined,
    tableProgress: () => undefined,
    tableDone(result: CopyResult) {
      // One line as each table finishes, so the columns are fixed widths rather than measured.
      stream.write(`${stamp(`  ${result.table.padEnd(36)} ${formatCount(result.rows).padStart(11)} rows  ${formatDuration(result.ms).padStart(11)}  ${formatRate(perSecond(result.rows, result.ms), 'rows').padStart(16)}`)}\n`);
    },
    rebuildStart: (indexes, foreignKeys) => stream.write(`${stamp(`  checking ${foreignKeys} foreign keys, rebuilding ${indexes} indexes, then ANALYZE…`)}\n`),
    stop: () => undefined,
  };
}
