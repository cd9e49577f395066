import { defineCommand } from 'citty';
import { RUN_STAGES, type RunStage } from '../../core/config/runPresets.ts';
import { errorLine, isGomflowError } from '../../core/errors.ts';
import { shownPath } from '../../core/shownPath.ts';
import { resolveScale } from '../../generators/resolveScale.ts';
import { liveMode, liveView } from '../progress/liveView.ts';
import { runStages } from './_stages.ts';
import { notReady } from './_finish.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { guardWrite, planArg } from './_writeGuard.ts';
import { resolveTarget } from '../../stack/target.ts';
import { chooseStages, parsePreset } from './run/chooseStages.ts';
import { rehearse } from './run/rehearse.ts';
import { runWritePlan } from './run/runWritePlan.ts';
import { parseReferenceDate, parseSeed } from './seed/seedArgs.ts';
import { analyticsArg, parseAnalytics } from './seed/analyticsArg.ts';

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  ...planArg,
  ...analyticsArg,
  preset: { type: 'string', description: "smoke (default: CI and npm start, under 2 min), launch (large scale, launch-drop then the capacity ramp) or soak (hours, bounded); set in the config's presets", valueHint: 'smoke|launch|soak' },
  only: { type: 'string', description: `Run only these stages (comma-separated): ${RUN_STAGES.join(', ')}`, valueHint: 'stages' },
  skip: { type: 'string', description: 'Run every stage but these (comma-separated)', valueHint: 'stages' },
  scale: { type: 'string', description: "Seed scale (default: the preset's scale)", valueHint: 'scale' },
  seed: { type: 'string', description: 'PRNG seed (default: config seed.seed, 1)', valueHint: 'n' },
  quiet: { type: 'boolean', description: 'Only errors and the last line (the report path) on stderr', default: false },
  json: { type: 'boolean', description: 'Events (stages, seeded tables, bench queries, load seconds) and the final summary as JSON lines on stdout', default: false },
} as const;

/**
 * The rehearsal: the preset's stages (schema, seed, check, bench, load, forecast) against one target, written
 * into ONE results.json and one report, whose verdict decides the exit code. The last line is the
 * report's path, whatever the verdict; a stage that fails writes a partial report (exit 3).
 */
export default defineCommand({
  meta: { name: 'run', description: 'The whole rehearsal of a preset: schema (local), seed or reuse a recorded seed, checks, query benchmarks, load scenarios, then one report' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('run', rawArgs, args, parsed);
    const presetName = parsePreset(parsed.preset);
    const stages: RunStage[] = chooseStages(parsed.only, parsed.skip);
    const preset = ctx.config.presets[presetName];
    const choice = {
      preset: presetName,
      stages,
      scale: resolveScale(parsed.scale ?? preset.scale, ctx.config.seed.scales),
      seed: parseSeed(parsed.seed, ctx.config.seed.seed),
      analytics: parseAnalytics(parsed.analytics, ctx.config.seed.analytics),
      referenceDate: parseReferenceDate(undefined, new Date()),
    };
    const target = await resolveTarget(ctx.config, ctx.cwd);
    const guard = { action: 'seed data and run load scenarios', confirmTarget: parsed['confirm-target'], planOnly: parsed.plan, session: true };
    if (await guardWrite(ctx.config, target, { ...guard, plan: () => runWritePlan(ctx.config, target, presetName, stages, choice) })) return;
    const json = parsed.json ? (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`) : undefined;
    const view = liveView({ mode: liveMode(process.stderr, parsed.quiet), ...(json ? { json } : {}) });
    let recorded;
    try {
      recorded = await runStages(ctx, `run --preset ${presetName}`, {}, (run) => rehearse(run, view, choice), view);
    } catch (error) {
      if (json && isGomflowError(error)) json({ type: 'error', code: error.code, message: error.message });
      throw error;
    }
    const shown = (file: string) => shownPath(file, ctx.cwd);
    const failed = notReady(recorded.verdict, shown(recorded.html));
    if (json) json({ type: 'summary', verdict: recorded.verdict.status, failing: recorded.verdict.failing.map((reason) => reason.title), results: shown(recorded.results), report: shown(recorded.html) });
    else if (!parsed.quiet) process.stdout.write(recorded.summaryMarkdown);
    if (!parsed.quiet) note(`results: ${shown(recorded.results)}`);
    // The verdict's line comes before the report's path, so the path is the last line (npm start, CI logs).
    if (failed) {
      note(errorLine(failed));
      process.exitCode = failed.exitCode;
    }
    note(`report:  ${shown(recorded.html)}`);
  },
});
