import { randomBytes } from 'node:crypto';
import { lstat, realpath, rename, rm, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { GomflowError } from '../core/errors.ts';

/** Name of the symlink in the output folder that marks the baseline run (beside `latest`). */
export const BASELINE_LINK = 'baseline';

/** Points `<outDir>/baseline` at a run folder, relative like `latest` so out/ can move whole; returns the run folder. */
export async function setBaseline(outDir: string, runDir: string): Promise<string> {
  const target = await realpath(runDir);
  const link = join(outDir, BASELINE_LINK);
  const existing = await lstat(link).catch(() => undefined);
  if (existing && !existing.isSymbolicLink()) {
    throw new GomflowError('E_USAGE', `${link} exists and is not a link; move it away to mark a baseline`);
  }
  const temp = `${link}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  await symlink(relative(await realpath(outDir), target) || '.', temp, 'dir');
  try {
    await rename(temp, link);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

/** The run folder `<outDir>/baseline` points at, or undefined when no baseline is marked (or it points nowhere). */
export async function markedBaseline(outDir: string): Promise<string | undefined> {
  const link = join(outDir, BASELINE_LINK);
  // Only the mark counts: a run folder that happens to be called "baseline" is not one.
  const info = await lstat(link).catch(() => undefined);
  if (!info?.isSymbolicLink()) return undefined;
  return realpath(link).catch(() => undefined);
}
