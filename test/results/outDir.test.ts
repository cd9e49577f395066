import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureOutDir } from '../../results/ensureOutDir.ts';
import { PIN_FILE, pruneRuns } from '../../results/pruneRuns.ts';
import { tempProjects } from '../helpers/tempProjects.ts';

const project = tempProjects('gomflow-outdir-');
const scratch = () => project({});

describe('ensureOutDir', () => {
  it('creates missing folders and leaves no probe file behind', async () => {
    const dir = path.join(scratch(), 'a', 'b', 'out');
    await ensureOutDir(dir, 'GOMFLOW_OUT_DIR');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file where the folder should be, naming the setting to fix', async () => {
    const file = path.join(scratch(), 'taken');
    writeFileSync(file, 'not a folder');
    await expect(ensureOutDir(file, 'GOMFLOW_OUT_DIR')).rejects.toMatchObject({ code: 'E_CONFIG_INVALID', message: expect.stringMatching(/is not a folder\); set GOMFLOW_OUT_DIR/) });
    await expect(ensureOutDir(path.join(file, 'below'), 'GOMFLOW_OUT_DIR')).rejects.toMatchObject({ code: 'E_CONFIG_INVALID' });
  });

  it('fails at once under /proc instead of spinning in a recursive mkdir', async () => {
    await expect(ensureOutDir('/proc/nope/out', 'GOMFLOW_OUT_DIR')).rejects.toMatchObject({ code: 'E_CONFIG_INVALID', message: expect.stringMatching(/^cannot write results to \/proc\/nope\/out/) });
  });
});

describe('pruneRuns', () => {
  const runId = (n: number) => `20261201-0000${String(n).padStart(2, '0')}-r${n}`;

  it('keeps the newest N, the runs latest and baseline point at, and pinned runs; touches nothing else', async () => {
    const out = scratch();
    for (let n = 1; n <= 8; n += 1) mkdirSync(path.join(out, runId(n)));
    mkdirSync(path.join(out, 'my-notes'));
    writeFileSync(path.join(out, runId(2), PIN_FILE), '');
    symlinkSync(runId(1), path.join(out, 'baseline'));
    symlinkSync(runId(8), path.join(out, 'latest'));
    const removed = await pruneRuns(out, 3);
    expect(removed.sort()).toEqual([runId(3), runId(4), runId(5)]);
    expect(readdirSync(out).sort()).toEqual([runId(1), runId(2), runId(6), runId(7), runId(8), 'baseline', 'latest', 'my-notes'].sort());
  });
});
