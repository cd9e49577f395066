import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { GomflowError } from '../../../core/errors.ts';
import { DEFAULT_TOLERANCE, type RegressionTolerance } from '../../../reports/compareBaseline.ts';
import { LATEST_LINK, RUN_ID_PATTERN } from '../../../results/index.ts';

/** The run folder to report: RUN_DIR (a folder, or a run id under outDir), or --latest, which is also the default. */
export async function resolveRunDir(run: string | undefined, latest: boolean, outDir: string, cwd: string): Promise<string> {
  if (run && latest) throw new GomflowError('E_USAGE', 'give either a RUN_DIR or --latest, not both; see `gomflow-load report --help`');
  if (!run) {
    const link = path.join(outDir, LATEST_LINK);
    return realpath(link).catch(() => {
      throw new GomflowError('E_FILE_NOT_FOUND', `no runs in ${path.relative(cwd, outDir) || '.'} yet; run a command such as \`gomflow-load db up\` first, or pass a RUN_DIR`);
    });
  }
  return resolveRunArg(run, outDir, cwd);
}

/** A folder path as given, or a bare run id looked up under outDir. */
export async function resolveRunArg(run: string, outDir: string, cwd: string): Promise<string> {
  const direct = path.resolve(cwd, run);
  if (RUN_ID_PATTERN.test(run)) {
    const underOut = path.join(outDir, run);
    const found = await access(direct).then(() => direct, () => access(underOut).then(() => underOut, () => direct));
    return found;
  }
  return direct;
}

/** --regression-pct and --regression-ms over the defaults, each a number >= 0. */
export function parseTolerance(pct: string | undefined, ms: string | undefined): RegressionTolerance {
  return { pct: nonNegative('--regression-pct', pct, DEFAULT_TOLERANCE.pct), ms: nonNegative('--regression-ms', ms, DEFAULT_TOLERANCE.ms) };
}

function nonNegative(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new GomflowError('E_USAGE', `invalid ${flag}; reason: expected a number >= 0, got ${JSON.stringify(text)}`);
  }
  return value;
}
