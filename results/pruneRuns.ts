import { access, readdir, readlink, rm } from 'node:fs/promises';
import path from 'node:path';
import { RUN_ID_PATTERN } from './resultsModel.ts';

/** A run folder holding a file of this name is never pruned (`report --pin`). */
export const PIN_FILE = 'pinned';

/** Links in outDir whose targets are never pruned: the newest run and the baseline. */
const KEPT_LINKS = ['latest', 'baseline'];

/**
 * Removes run folders beyond the newest `keep`, except those a link in outDir points at and
 * those pinned. Returns the ids removed. Only folders named like run ids are ever touched.
 */
export async function pruneRuns(outDir: string, keep: number): Promise<string[]> {
  const ids = (await readdir(outDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && RUN_ID_PATTERN.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const linked = new Set(await Promise.all(KEPT_LINKS.map((link) => readlink(path.join(outDir, link)).then((target) => path.basename(target), () => ''))));
  const removed: string[] = [];
  for (const id of ids.slice(keep)) {
    if (linked.has(id) || (await isPinned(path.join(outDir, id)))) continue;
    await rm(path.join(outDir, id), { recursive: true, force: true });
    removed.push(id);
  }
  return removed;
}

function isPinned(runDir: string): Promise<boolean> {
  return access(path.join(runDir, PIN_FILE)).then(
    () => true,
    () => false,
  );
}
