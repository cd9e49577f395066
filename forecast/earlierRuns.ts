import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readResults, RUN_ID_PATTERN, type Results } from '../results/index.ts';

/** Every run under outDir whose results.json reads, oldest first; unreadable ones are returned with the reason. */
export async function readRecordedRuns(outDir: string): Promise<{ runs: Results[]; unreadable: { runId: string; reason: string }[] }> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const ids = entries.filter((entry) => entry.isDirectory() && RUN_ID_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
  const runs: Results[] = [];
  const unreadable: { runId: string; reason: string }[] = [];
  for (const runId of ids) {
    try {
      runs.push(await readResults(join(outDir, runId)));
    } catch (error) {
      unreadable.push({ runId, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no results.json' : 'results.json does not read as this model version' });
    }
  }
  return { runs, unreadable };
}
