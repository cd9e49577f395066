import { defineCommand } from 'citty';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { cleanRun } from '../../generators/load/cleanRun.ts';
import { defaultParallelTables } from '../../generators/load/loadTables.ts';
import { runIdOf, runSeed, seedRunTag } from '../../generators/load/runSeed.ts';
import { finishSeedRun, getSeedRun, listSeedRuns } from '../../generators/load/seedRuns.ts';
import { resolveScale } from '../../generators/resolveScale.ts';
import { assertMayChange } from '../../stack/safety.ts';
import { connectTarget, resolveTarget } from '../../stack/target.ts';
import { formatRate, seedProgress } from '../progress/seedProgress.ts';
import { recordRun } from './_results.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { withTarget } from './_target.ts';
import { ensureGomflowSchema } from './seed/ensureGomflowSchema.ts';
import { parseReferenceDate, parseSeed } from './seed/seedArgs.ts';

const SUBCOMMANDS = ['clean', 'list'];

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  scale: { type: 'string', description: 'tiny | small | large | xl, a preset from gomflow.config.ts, or counts like goms=50,orders=400,submissions=10000 (default: config seed.scale, small)', valueHint: 'scale' },
  seed: { type: 'string', description: 'PRNG seed: the same seed, scale and reference date give identical rows (default: config seed.seed, 1)', valueHint: 'n' },
  'reference-date': { type: 'string', description: 'The "now" of the seeded data, YYYY-MM-DD (default: today, UTC)', valueHint: 'date' },
  replace: { type: 'boolean', description: 'Remove earlier seed runs first; keep this exact run if it is already loaded', default: false },
} as const;

export default defineCommand({
  meta: { name: 'seed', description: 'Seed GOMFLOW data at a scale (COPY, foreign-key order, ANALYZE); `seed list`, `seed clean`' },
  args,
  subCommands: {
    clean: () => import('./seed/clean.ts').then((m) => m.default),
    list: () => import('./seed/list.ts').then((m) => m.default),
  },
  async run({ args: parsed, rawArgs }) {
    // citty runs the parent's run after a sub-command too.
    if (SUBCOMMANDS.includes(rawArgs[0] ?? '')) return;
    const ctx = await prepareCommand('seed', rawArgs, args, parsed);
    const scale = resolveScale(parsed.scale ?? ctx.config.seed.scale, ctx.config.seed.scales);
    const seed = parseSeed(parsed.seed, ctx.config.seed.seed);
    const referenceDate = parseReferenceDate(parsed['reference-date'], new Date());
    const target = await resolveTarget(ctx.config, ctx.cwd);
    assertMayChange(target, parsed['confirm-target'], 'seed data');
    const startedAt = new Date();
    await withTarget(ctx, {}, async (session) => {
      await ensureGomflowSchema(session);
      const runId = runIdOf(seedRunTag(seed, scale.counts, referenceDate));
      if (parsed.replace) {
        for (const run of await listSeedRuns(session.client)) {
          if (run.id === runId && run.status === 'complete') continue;
          if (run.status === 'cleaned') continue;
          const removed = await cleanRun(session.client, Number.parseInt(run.id, 16), ALL_TABLE_SPECS);
          await finishSeedRun(session.client, run.id, 'cleaned', run.counts);
          note(`removed earlier seed run ${run.id} (${removed.toLocaleString('en-US')} rows)`);
        }
        if ((await getSeedRun(session.client, runId))?.status === 'complete') {
          note(`seed run ${runId} (seed ${seed}, scale ${scale.name}, ${referenceDate.toISOString().slice(0, 10)}) is already loaded; kept it`);
          return;
        }
      }
      note(`seeding ${scale.name} (seed ${seed}, reference date ${referenceDate.toISOString().slice(0, 10)}) into ${session.target.where}…`);
      const controller = new AbortController();
      const onInterrupt = () => controller.abort(new Error('interrupted'));
      process.once('SIGINT', onInterrupt);
      process.once('SIGTERM', onInterrupt);
      const progress = seedProgress();
      try {
        const outcome = await runSeed(() => connectTarget(session.target), ALL_TABLE_SPECS, {
          seed,
          scale: scale.name,
          counts: scale.counts,
          referenceDate,
          parallel: ctx.config.seed.parallel ?? defaultParallelTables(),
          signal: controller.signal,
          events: progress,
        });
        progress.stop();
        process.stdout.write(
          `seed run ${outcome.runId}: ${outcome.totalRows.toLocaleString('en-US')} rows in ${outcome.tables.length} tables, ${(outcome.totalMs / 1000).toFixed(1)} s (${formatRate(outcome.totalRows, outcome.totalMs)} rows/s); users sign in with password gomflow-seed-password\n`,
        );
        await recordRun(ctx, session, 'seed', startedAt, {
          seed: {
            runId: outcome.runId,
            seed,
            scale: scale.name,
            referenceDate: referenceDate.toISOString(),
            tables: outcome.tables.map((t) => ({ table: t.table, rows: t.rows, ms: t.ms, rowsPerSecond: t.ms > 0 ? (t.rows * 1000) / t.ms : 0 })),
            totalRows: outcome.totalRows,
            totalMs: outcome.totalMs,
          },
        });
      } finally {
        progress.stop();
        process.off('SIGINT', onInterrupt);
        process.off('SIGTERM', onInterrupt);
      }
    });
  },
});
