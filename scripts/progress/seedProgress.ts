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
export function seedProgress(stream: NodeJS.WriteStream = process.stderr): SeedProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
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

function lineProgress(stream: NodeJS.WriteStream): SeedProgress {
  return {
    tableStart: () => undefined,
    tableProgress: () => undefined,
    tableDone(result: CopyResult) {
      // One line as each table finishes, so the columns are fixed widths rather than measured.
      stream.write(`  ${result.table.padEnd(36)} ${formatCount(result.rows).padStart(11)} rows  ${formatDuration(result.ms).padStart(11)}  ${formatRate(perSecond(result.rows, result.ms), 'rows').padStart(16)}\n`);
    },
    rebuildStart: (indexes, foreignKeys) => stream.write(`  checking ${foreignKeys} foreign keys, rebuilding ${indexes} indexes, then ANALYZE…\n`),
    stop: () => undefined,
  };
}
