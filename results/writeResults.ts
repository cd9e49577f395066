import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseResults, RUN_ID_PATTERN, type Results } from './resultsModel.ts';
import { sortKeys } from './sortKeys.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/** File name of the results model inside a run folder. */
export const RESULTS_FILE = 'results.json';

/** Name of the symlink in the output folder that points at the newest run folder. */
export const LATEST_LINK = 'latest';

/** Run id `YYYYMMDD-HHMMSS-<random>` from the start time (UTC); ids sort by start time. */
export function newRunId(date: Date, random: string): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('run id needs a valid date, got Invalid Date');
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const id = `${stamp}-${random}`;
  if (!RUN_ID_PATTERN.test(id)) {
    throw new RangeError(`run id random part must be 1-32 characters of [0-9a-z], got ${JSON.stringify(random)}`);
  }
  return id;
}

/**
 * Validates `results`, writes `<outDir>/<run.id>/results.json` atomically with sorted keys,
 * points `<outDir>/latest` at the newest run, and returns the path written.
 */
export async function writeResults(outDir: string, results: Results): Promise<string> {
  const valid = parseResults(results);
  const runDir = join(outDir, valid.run.id);
  await mkdir(runDir, { recursive: true });
  const file = join(runDir, RESULTS_FILE);
  await writeFileAtomic(file, `${JSON.stringify(sortKeys(valid), null, 2)}\n`);
  await replaceSymlink(join(outDir, LATEST_LINK), (await newestRunId(outDir)) ?? valid.run.id);
  return file;
}

/** Reads and validates `<runDir>/results.json` (runDir may be `<outDir>/latest`). */
export async function readResults(runDir: string): Promise<Results> {
  const file = join(runDir, RESULTS_FILE);
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid results.json; reason: ${file} is not JSON (${(error as Error).message})`, { cause: error });
  }
  return parseResults(json);
}

// The newest run is the greatest id with a results.json, not the one just written, so
// rewriting an older run's results does not move `latest` back in time.
async function newestRunId(outDir: string): Promise<string | undefined> {
  const ids = (await readdir(outDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && RUN_ID_PATTERN.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  for (const id of ids) {
    if (await exists(join(outDir, id, RESULTS_FILE))) return id;
  }
  return undefined;
}

// Same temp-and-rename as writeFileAtomic; the target is relative so out/ can be moved or archived whole.
async function replaceSymlink(link: string, target: string): Promise<void> {
  const temp = `${link}.${tempSuffix()}`;
  await symlink(target, temp, 'dir');
  try {
    await rename(temp, link);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function tempSuffix(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}
