import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { DEFAULT_PRESETS, PRESET_STEP_MAX_MS } from '../../core/config/runPresets.ts';
import { GomflowError } from '../../core/errors.ts';
import { tempProjects } from '../helpers/tempProjects.ts';

const tempProject = tempProjects('gomflow-config-');

describe('loadConfig', () => {
  it('gives the documented defaults, including the checklist budgets', async () => {
    const config = await loadConfig({ cwd: tempProject({}), env: {}, flags: {} });
    expect(config.target).toBe('local');
    expect(config.pool).toEqual({ min: 2, max: 10, idleTimeoutMs: 10_000 });
    expect(config.budgets).toMatchObject({ queryP95Ms: 100, queryMaxMs: 1000, errorRatePct: 1, peakConnections: 80, maxConnections: 100 });
    expect(config.local).toEqual({ dataDir: '.gomflow/postgres', port: 0, database: 'gomflow' });
  });

  it('merges flags over env over .env over the config file over defaults', async () => {
    const cwd = tempProject({
      'gomflow.config.ts': `export default { target: 'supabase', pool: { max: 20, min: 3 }, budgets: { queryP95Ms: 50 } };`,
      '.env': 'DB_POOL_MAX=30\nDB_POOL_IDLE_TIMEOUT=5000\n',
    });
    const config = await loadConfig({ cwd, env: { DB_POOL_MAX: '40' }, flags: { target: 'postgres' } });
    expect(config.target).toBe('postgres');
    expect(config.pool).toEqual({ min: 3, max: 40, idleTimeoutMs: 5000 });
    expect(config.budgets.queryP95Ms).toBe(50);
    expect(config.budgets.queryMaxMs).toBe(1000);
  });

  it('reads the Supabase settings from the checklist variable names', async () => {
    const env = { SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_ANON_KEY: 'anon', SUPABASE_SERVICE_ROLE_KEY: 'svc', SUPABASE_JWT_SECRET: 'jwt', SUPABASE_COMPUTE_SIZE: 'large', SUPABASE_SIGN_IN_RATE: '0.25' };
    const config = await loadConfig({ cwd: tempProject({}), env, flags: {} });
    expect(config.supabase).toEqual({ url: 'https://abc.supabase.co', anonKey: 'anon', serviceRoleKey: 'svc', jwtSecret: 'jwt', computeSize: 'large', signIn: { perSecond: 0.25, burst: 20, timeoutSeconds: 600 } });
    const defaults = (await loadConfig({ cwd: tempProject({}), env: {}, flags: {} })).supabase;
    expect(defaults.computeSize).toBe('micro');
    // Under Supabase's default limit on /auth/v1/token: 1800 an hour (0.5/s) per IP, bursts of 30.
    expect(defaults.signIn).toEqual({ perSecond: 0.4, burst: 20, timeoutSeconds: 600 });
  });

  it('names the option and the fix when a value is invalid', async () => {
    const cwd = tempProject({ 'gomflow.config.ts': `export default { budgets: { queryP95Ms: -5 } };` });
    const error = await loadConfig({ cwd, env: {}, flags: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GomflowError);
    expect((error as GomflowError).code).toBe('E_CONFIG_INVALID');
    expect((error as GomflowError).message).toMatch(/^invalid config option budgets\.queryP95Ms: .*; fix it in gomflow\.config\.ts$/);
  });

  it('gives the run presets as defaults, overridable field by field, with the soak bounded', async () => {
    const defaults = await loadConfig({ cwd: tempProject({}), env: {}, flags: {} });
    expect(defaults.presets).toEqual(DEFAULT_PRESETS);
    const cwd = tempProject({ 'gomflow.config.ts': `export default { presets: { launch: { scale: 'xl' }, soak: { scenarios: [{ scenario: 'soak', durationMs: 3600000 }] } } };` });
    const config = await loadConfig({ cwd, env: {}, flags: {} });
    expect(config.presets.launch).toEqual({ scale: 'xl', scenarios: DEFAULT_PRESETS.launch.scenarios });
    expect(config.presets.soak.scenarios).toEqual([{ scenario: 'soak', durationMs: 3_600_000 }]);
    expect(config.presets.smoke).toEqual(DEFAULT_PRESETS.smoke);
    const unbounded = tempProject({ 'gomflow.config.ts': `export default { presets: { soak: { scenarios: [{ scenario: 'soak', durationMs: ${PRESET_STEP_MAX_MS + 1} }] } } };` });
    const error = (await loadConfig({ cwd: unbounded, env: {}, flags: {} }).catch((e: unknown) => e)) as GomflowError;
    expect(error.code).toBe('E_CONFIG_INVALID');
    expect(error.message).toMatch(/^invalid config option presets\.soak\.scenarios\.0\.durationMs: /);
    const unknownScenario = tempProject({ 'gomflow.config.ts': `export default { presets: { smoke: { scenarios: [{ scenario: 'stampede' }] } } };` });
    expect(((await loadConfig({ cwd: unknownScenario, env: {}, flags: {} }).catch((e: unknown) => e)) as GomflowError).message).toMatch(/presets\.smoke\.scenarios\.0\.scenario/);
  });

  it('rejects a non-numeric pool size from the environment, naming the variable', async () => {
    const error = (await loadConfig({ cwd: tempProject({}), env: { DB_POOL_MAX: 'ten' }, flags: {} }).catch((e: unknown) => e)) as GomflowError;
    expect(error.message).toBe("DB_POOL_MAX must be a whole number, got 'ten'; fix it in the environment or .env");
    expect(error.exitCode).toBe(2);
  });

  it('rejects an unknown target', async () => {
    const error = (await loadConfig({ cwd: tempProject({}), env: {}, flags: { target: 'mysql' } }).catch((e: unknown) => e)) as GomflowError;
    expect(error.message).toMatch(/^invalid config option target: /);
  });

  it('rejects pool.min above pool.max', async () => {
    const error = (await loadConfig({ cwd: tempProject({}), env: { DB_POOL_MIN: '20', DB_POOL_MAX: '5' }, flags: {} }).catch((e: unknown) => e)) as GomflowError;
    expect(error.message).toMatch(/pool\.min must not exceed pool\.max/);
  });

  it('fails on a --config file that does not exist', async () => {
    const error = (await loadConfig({ cwd: tempProject({}), env: {}, flags: { config: 'nope.config.ts' } }).catch((e: unknown) => e)) as GomflowError;
    expect(error.code).toBe('E_FILE_NOT_FOUND');
  });

  it.each([
    ['a top-level typo', `export default { budget: { queryP95Ms: 50 } };`, 'unknown option `budget` in gomflow.config.ts; did you mean `budgets`?'],
    ['a nested typo', `export default { budgets: { queryP95: 50 } };`, 'unknown option `budgets.queryP95` in gomflow.config.ts; did you mean `budgets.queryP95Ms`?'],
    ['a typo inside a scale preset', `export default { seed: { scales: { mine: { gom: 5 } } } };`, 'unknown option `seed.scales.mine.gom` in gomflow.config.ts; did you mean `seed.scales.mine.goms`?'],
    ['a key like no option', `export default { colour: 'blue' };`, 'unknown option `colour` in gomflow.config.ts; remove it (the options are in core/config/configSchema.ts)'],
  ])('rejects unknown keys instead of ignoring them: %s', async (_name, file, message) => {
    const error = (await loadConfig({ cwd: tempProject({ 'gomflow.config.ts': file }), env: {}, flags: {} }).catch((e: unknown) => e)) as GomflowError;
    expect(error).toBeInstanceOf(GomflowError);
    expect(error.code).toBe('E_CONFIG_INVALID');
    expect(error.message).toBe(message);
  });

  it('names file, line, column and the compiler message of a syntax error', async () => {
    const cwd = tempProject({ 'gomflow.config.ts': `export default {\n  target: 'local',\n  budgets: { queryP95Ms: 100 ,, },\n};\n` });
    const error = (await loadConfig({ cwd, env: {}, flags: {} }).catch((e: unknown) => e)) as GomflowError;
    expect(error.code).toBe('E_CONFIG_INVALID');
    expect(error.message).toBe('cannot load gomflow.config.ts:3:31: Expected identifier but found ","; fix the syntax error there');
  });

  it.each([
    ['the default', {}, {}, 'DATABASE_URL is set but the target is local (default); pass --target postgres to use it'],
    ['the config file', { 'gomflow.config.ts': `export default { target: 'local' };` }, {}, 'DATABASE_URL is set but the target is local (from gomflow.config.ts); pass --target postgres to use it'],
    ['GOMFLOW_TARGET', {}, { GOMFLOW_TARGET: 'local' }, 'DATABASE_URL is set but the target is local (from GOMFLOW_TARGET); pass --target postgres to use it'],
  ])('notes a DATABASE_URL that the local target, chosen by %s, leaves unused', async (_name, files, env, note) => {
    const notes: string[] = [];
    await loadConfig({ cwd: tempProject(files), env: { DATABASE_URL: 'postgresql://u:pw@db/x', ...env }, flags: {}, onNote: (m) => notes.push(m) });
    expect(notes).toEqual([note]);
  });

  it('has nothing to note when --target local is explicit or the target uses DATABASE_URL', async () => {
    const notes: string[] = [];
    const onNote = (m: string) => notes.push(m);
    await loadConfig({ cwd: tempProject({}), env: { DATABASE_URL: 'postgresql://u:pw@db/x' }, flags: { target: 'local' }, onNote });
    await loadConfig({ cwd: tempProject({}), env: { DATABASE_URL: 'postgresql://u:pw@db/x', GOMFLOW_TARGET: 'postgres' }, flags: {}, onNote });
    expect(notes).toEqual([]);
  });
});
