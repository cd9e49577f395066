import { defineCommand } from 'citty';
import { resolveScale } from '../../generators/resolveScale.ts';
import type { ResultSections } from './_results.ts';
import { recordRun } from './_results.ts';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { assertMayChange } from '../../stack/safety.ts';
import { resolveTarget } from '../../stack/target.ts';
import { collectStatus } from './db/statusReport.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { withTarget } from '../../stack/targetSession.ts';
import { ensureGomflowSchema } from '../../stack/schema/ensureGomflowSchema.ts';
import { checkOptionsFrom } from '../../checks/checkOptions.ts';
import { runChecks } from '../../checks/runChecks.ts';
import { renderCheckTable } from './check/renderCheckTable.ts';
import { benchProgress } from './bench/benchProgress.ts';
import { benchQueries } from '../../bench/benchStage.ts';
import { renderBenchTable } from './bench/renderBenchTable.ts';
import { parseReferenceDate, parseSeed } from './seed/seedArgs.ts';
import { analyticsArg, parseAnalytics } from './seed/analyticsArg.ts';
import { seedData } from '../../seed/seedStage.ts';

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  ...analyticsArg,
  scale: { type: 'string', description: 'Seed scale (default: config seed.scale, small)', valueHint: 'scale' },
  seed: { type: 'string', description: 'PRNG seed (default: config seed.seed, 1)', valueHint: 'n' },
} as const;

/**
 * The rehearsal: schema, seed, checks and query benchmarks against one target, written into
 * ONE results.json and one report, whose verdict decides the exit code.
 */
export default defineCommand({
  meta: { name: 'run', description: 'The whole rehearsal: apply the schema (local), seed, run the checks and the query benchmarks, write one report' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('run', rawArgs, args, parsed);
    const scale = resolveScale(parsed.scale ?? ctx.config.seed.scale, ctx.config.seed.scales);
    const seed = parseSeed(parsed.seed, ctx.config.seed.seed);
    const analytics = parseAnalytics(parsed.analytics, ctx.config.seed.analytics);
    const target = await resolveTarget(ctx.config, ctx.cwd);
    assertMayChange(target, parsed['confirm-target'], 'seed data');
    const startedAt = new Date();
    const verdict = await withTarget(ctx, {}, async (session) => {
      const sections: ResultSections = {};
      if (session.target.kind === 'local') {
        note('1/4 schema: applying the bundled GOMFLOW schema');
        const report = await applySchema(session.client, { source: 'bundled', withShim: true });
        const { counts } = await collectStatus(session, false);
        sections.schema = { source: report.source, counts, failures: report.failures, adaptations: report.adaptations };
      } else {
        await ensureGomflowSchema(session);
      }
      note('2/4 seed');
      const seedSection = await seedData(ctx, session, { scale, seed, analytics, referenceDate: parseReferenceDate(undefined, new Date()), replace: true });
      if (seedSection) sections.seed = seedSection;
      note('3/4 check');
      sections.checks = await runChecks(session.client, checkOptionsFrom(ctx.config, session.target));
      note(renderCheckTable(sections.checks, process.stderr.columns || 120));
      note('4/4 bench');
      const progress = benchProgress();
      const bench = await benchQueries(ctx, session, { events: progress }).finally(() => progress.stop());
      sections.queries = bench.results;
      process.stderr.write(renderBenchTable(bench.results, bench.pairs));
      const rendered = await recordRun(ctx, session, 'run', startedAt, sections);
      process.stdout.write(rendered.summaryMarkdown);
      return rendered.verdict;
    });
    process.exitCode = verdict.exitCode;
  },
});
