import { defineCommand } from 'citty';
import { benchStage } from '../../bench/benchStage.ts';
import { checkStage } from '../../checks/checkStage.ts';
import { resolveScale } from '../../generators/resolveScale.ts';
import { benchTable } from '../../reports/terminal/benchTable.ts';
import { tableOptionsFor } from '../../reports/terminal/textTable.ts';
import { checkTable } from '../../reports/terminal/checkTable.ts';
import { loadStage } from '../../scenarios/loadStage.ts';
import { seedStage } from '../../seed/seedStage.ts';
import { ensureGomflowSchema } from '../../stack/schema/ensureGomflowSchema.ts';
import { schemaStage } from '../../stack/schema/schemaStage.ts';
import { resolveTarget } from '../../stack/target.ts';
import { finishRecorded } from './_finish.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { guardWrite, planArg } from './_writeGuard.ts';
import { loadWritePlan } from './plans/loadWritePlan.ts';
import { seedWritePlan } from './plans/seedWritePlan.ts';
import { runStages } from './_stages.ts';
import { describeSeed } from './seed/describeSeed.ts';
import { parseReferenceDate, parseSeed } from './seed/seedArgs.ts';
import { analyticsArg, parseAnalytics } from './seed/analyticsArg.ts';

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  ...planArg,
  ...analyticsArg,
  scale: { type: 'string', description: 'Seed scale (default: config seed.scale, small)', valueHint: 'scale' },
  seed: { type: 'string', description: 'PRNG seed (default: config seed.seed, 1)', valueHint: 'n' },
} as const;

/**
 * The rehearsal: schema, seed, checks, query benchmarks and the smoke load scenario against one target, written into
 * ONE results.json and one report, whose verdict decides the exit code.
 */
export default defineCommand({
  meta: { name: 'run', description: 'The whole rehearsal: apply the schema (local), seed, run the checks, the query benchmarks and the smoke load scenario, write one report' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('run', rawArgs, args, parsed);
    const scale = resolveScale(parsed.scale ?? ctx.config.seed.scale, ctx.config.seed.scales);
    const seed = parseSeed(parsed.seed, ctx.config.seed.seed);
    const analytics = parseAnalytics(parsed.analytics, ctx.config.seed.analytics);
    const referenceDate = parseReferenceDate(undefined, new Date());
    const target = await resolveTarget(ctx.config, ctx.cwd);
    const guard = { action: 'seed data', confirmTarget: parsed['confirm-target'], planOnly: parsed.plan, session: true };
    const plan = () => {
      const seeding = seedWritePlan(target, { scale, seed, referenceDate, analytics });
      const smoke = loadWritePlan(ctx.config, target, 'smoke', {}, false);
      const notes = ['replaces earlier seed runs (--replace)', 'then check (reads), bench (catalog queries), and:', `${smoke.action}, acting as ${smoke.roles.join(', ')}`, ...smoke.notes, ...seeding.notes];
      return { ...seeding, action: `run: ${seeding.action}, check, bench, smoke`, roles: [...seeding.roles, ...smoke.roles.filter((role) => !seeding.roles.some((seedRole) => seedRole.startsWith(role)))], notes };
    };
    if (await guardWrite(ctx.config, target, { ...guard, plan })) return;
    const recorded = await runStages(ctx, 'run', {}, async ({ stage, sections }) => {
      note('1/5 schema');
      if (stage.session.target.kind === 'local') sections.schema = await schemaStage(stage, { source: 'bundled' });
      else await ensureGomflowSchema(stage);
      note('2/5 seed');
      const seeded = await seedStage(stage, { scale, seed, analytics, referenceDate, replace: true });
      if (seeded) {
        sections.seed = seeded;
        note(describeSeed(seeded));
      }
      note('3/5 check');
      sections.checks = await checkStage(stage);
      note(checkTable(sections.checks, tableOptionsFor(process.stderr)));
      note('4/5 bench');
      const bench = await benchStage(stage, { referenceDate });
      sections.queries = bench.results;
      sections.dataVolume = bench.dataVolume;
      process.stderr.write(benchTable(bench.results, bench.pairs, tableOptionsFor(process.stderr)));
      note('5/5 load: smoke');
      await loadStage(stage, { scenario: 'smoke', knobs: {}, keep: false, abortOnFail: false, referenceDate, onResult: (result) => (sections.scenarios = [result]) });
    });
    process.stdout.write(recorded.summaryMarkdown);
    finishRecorded(ctx.cwd, recorded);
  },
});
