import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { GomflowError } from '../../../core/errors.ts';
import { testRunCommands, testRunManifest, testRunName } from '../../../scenarios/k6/manifest/testRunManifest.ts';
import { k6EntryNames } from '../../build/buildK6.ts';
import { note, prepareCommand, sharedArgs } from '../_shared.ts';

const args = {
  ...sharedArgs,
  scenario: { type: 'positional', required: true, description: 'k6 script of scenarios/k6/ (smoke, browse, launch-drop …)', valueHint: 'SCENARIO' },
  parallelism: { type: 'string', description: 'k6 runners (pods); the arrival rates are split between them', valueHint: 'N', default: '1' },
  secret: { type: 'string', description: 'Secret with SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, GOMFLOW_USER_PASSWORD (default gomflow-target)', valueHint: 'name', default: 'gomflow-target' },
  namespace: { type: 'string', description: 'Kubernetes namespace', valueHint: 'ns' },
  rate: { type: 'string', description: 'GOMFLOW_RATE for the script: iterations/s (over all runners)', valueHint: 'N' },
  duration: { type: 'string', description: 'GOMFLOW_DURATION_S for the script: seconds', valueHint: 's' },
  out: { type: 'string', description: 'Write the TestRun here (default: gomflow-SCENARIO.testrun.yaml)', valueHint: 'file' },
} as const;

export default defineCommand({
  meta: { name: 'manifest', description: 'Write a k6-operator TestRun for a scenario and print how to run it and collect the runners\' summaries' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('k6 manifest', rawArgs, args, parsed);
    const names = k6EntryNames();
    if (!names.includes(parsed.scenario)) throw new GomflowError('E_USAGE', `no k6 script named '${parsed.scenario}'; use one of ${names.join(', ')}`);
    const parallelism = Number(parsed.parallelism);
    if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 1000) throw new GomflowError('E_USAGE', `invalid --parallelism; reason: expected a whole number 1–1000, got ${JSON.stringify(parsed.parallelism)}`);
    const env: Record<string, string> = {};
    for (const [flag, name] of [['rate', 'GOMFLOW_RATE'], ['duration', 'GOMFLOW_DURATION_S']] as const) {
      const value = parsed[flag];
      if (value === undefined) continue;
      if (!(Number(value) > 0)) throw new GomflowError('E_USAGE', `invalid --${flag}; reason: expected a positive number, got ${JSON.stringify(value)}`);
      env[name] = value;
    }
    const input = { scenario: parsed.scenario, parallelism, secret: parsed.secret, ...(parsed.namespace ? { namespace: parsed.namespace } : {}), env };
    const file = path.resolve(ctx.cwd, parsed.out ?? `${testRunName(parsed.scenario)}.testrun.yaml`);
    try {
      await writeFile(file, testRunManifest(input));
    } catch (error) {
      throw new GomflowError('E_USAGE', `cannot write ${file}: ${(error as Error).message}`);
    }
    note(`wrote ${path.relative(ctx.cwd, file) || file}: TestRun ${testRunName(parsed.scenario)}, ${parallelism} runner${parallelism === 1 ? '' : 's'}, target and keys from Secret ${parsed.secret}`);
    process.stdout.write(`${testRunCommands(input, path.relative(ctx.cwd, file) || file).join('\n')}\n`);
  },
});
