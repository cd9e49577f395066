/**
 * npm run bench:seed [-- --scale large] [--seed N] [--parallel P]
 *
 * Seeds the same rows into fresh copies of the bundled schema on the local target three ways —
 * our loader on the normal path, on the fast path, and psql's \copy of the rows written to
 * files — and prints rows/s per table, the wall clock of each whole load and the ratios
 * (runSeedBench.ts, renderSeedBench.ts). Every database it makes is dropped again, also when
 * it fails or on Ctrl-C, and its last line says so. package.json runs it as `node --import tsx`,
 * in one process: the tsx CLI would run it in a child that it SIGKILLs when the child has not
 * acknowledged a Ctrl-C within some 60 ms (a busy generator), skipping the clean-up.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { GomflowError, isGomflowError } from '../../core/errors.ts';
import { resolveScale } from '../../generators/resolveScale.ts';
import { defaultParallelTables } from '../../seed/loadTables.ts';
import { ensureRunning, resolveTarget } from '../../stack/target.ts';
import { renderSeedBench } from './renderSeedBench.ts';
import { runSeedBench } from './runSeedBench.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string', default: '1' }, parallel: { type: 'string' } } });
const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
const controller = new AbortController();
const onSignal = () => {
  // A second Ctrl-C must not kill the process half-way through dropping the databases.
  if (controller.signal.aborted) return void process.stderr.write('bench:seed: still dropping its databases…\n');
  process.stderr.write('bench:seed: interrupted; stopping and dropping its databases…\n');
  controller.abort(new GomflowError('E_ABORTED', 'bench:seed interrupted'));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  const run = await runSeedBench(target, {
    scale: resolveScale(values.scale!, config.seed.scales),
    seed: Number(values.seed),
    analytics: config.seed.analytics,
    parallel: values.parallel ? Number(values.parallel) : (config.seed.parallel ?? defaultParallelTables()),
    signal: controller.signal,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  if (run.result) console.log(`\n${renderSeedBench(run.result)}`);
  if (run.error) {
    const error = run.error as Error;
    process.stderr.write(`bench:seed: ${error.message}${isGomflowError(error) ? ` [${error.code}]` : ''}\n`);
    process.exitCode = isGomflowError(error) ? error.exitCode : 3;
  }
  console.log(run.cleanup);
} finally {
  await running.release();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}
