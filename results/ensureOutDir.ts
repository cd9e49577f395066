import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GomflowError } from '../core/errors.ts';

/**
 * Makes sure results can be written to `outDir` before any work starts, so a seed never
 * commits rows that no results.json will describe. Creates missing folders one level at a
 * time (a recursive mkdir under /proc spins forever on Node 20) and proves the folder
 * writable with a probe file. `label` names where the setting came from, for the message.
 */
export async function ensureOutDir(outDir: string, label: string): Promise<void> {
  const missing: string[] = [];
  let existing = path.resolve(outDir);
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw unusable(outDir, label, `${existing} is not a folder`);
      break;
    }
    if (info.code !== 'ENOENT') throw unusable(outDir, label, `${existing}: ${info.code ?? info.message}`);
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(existing);
    existing = parent;
  }
  const probe = path.join(path.resolve(outDir), `.gomflow-write-probe-${randomBytes(4).toString('hex')}`);
  try {
    for (const dir of missing) await mkdir(dir);
    await writeFile(probe, '');
  } catch (error) {
    throw unusable(outDir, label, (error as NodeJS.ErrnoException).code ?? String(error));
  } finally {
    await rm(probe, { force: true });
  }
}

function unusable(outDir: string, label: string, why: string): GomflowError {
  return new GomflowError('E_CONFIG_INVALID', `cannot write results to ${outDir} (${why}); set ${label} to a folder you can write to`);
}
