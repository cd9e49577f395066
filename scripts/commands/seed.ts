import { defineCommand } from 'citty';
import { resolveScale } from '../../generators/resolveScale.ts';
import { seedStage } from '../../seed/seedStage.ts';
import { ensureGomflowSchema } from '../../stack/schema/ensureGomflowSchema.ts';
import { resolveTarget } from '../../stack/target.ts';
import { finishRecorded } from './_finish.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { guardWrite, planArg } from './_writeGuard.ts';
import { seedWritePlan } from './plans/seedWritePlan.ts';
import { runStages } from './_stages.ts';
import { describeSeed } from './seed/describeSeed.ts';
import { parseReferenceDate, parseSeed } from './seed/seedArgs.ts';
import { analyticsArg, parseAnalytics } from './seed/analyticsArg.ts';

const SUBCOMMANDS = ['clean', 'list'];

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  ...planArg,
  ...analyticsArg,
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
    const analytics = parseAnalytics(parsed.analytics, ctx.config.seed.analytics);
    const target = await resolveTarget(ctx.config, ctx.cwd);
    const guard = { action: 'seed data', confirmTarget: parsed['confirm-target'], planOnly: parsed.plan, session: true };
    if (await guardWrite(ctx.config, target, { ...guard, plan: () => seedWritePlan(target, { scale, seed, referenceDate, analytics }) })) return;
    const recorded = await runStages(ctx, 'seed', {}, async ({ stage, sections }) => {
      await ensureGomflowSchema(stage);
      const section = await seedStage(stage, { scale, seed, analytics, referenceDate, replace: parsed.replace });
      if (section) {
        sections.seed = section;
        note(describeSeed(section));
      }
    });
    finishRecorded(ctx.cwd, recorded);
  },
});
