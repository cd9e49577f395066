import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { tempProjects } from '../helpers/tempProjects.ts';

const project = tempProjects('gomflow-seedinput-');

/** Seed arguments are checked before anything is started or written: exit 2, one line, no run on record. */
describe('seed refuses impossible arguments up front', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('seedinput');
    env = { GOMFLOW_TARGET: 'postgres', DATABASE_URL: db.url };
  });

  afterAll(async () => {
    await db.drop();
  });

  const seedRuns = async () => Number((await db.client.query('SELECT count(*) AS n FROM gomflow_loadtest.seed_runs')).rows[0].n);
  const confirm = () => ['--confirm-target', `127.0.0.1/${db.name}`];

  it.each([
    ['goms=1.5', /--scale goms must be a whole number from 0 to 1,000,000, got '1\.5'/],
    ['goms=1e12', /--scale goms must be a whole number from 0 to 1,000,000, got '1e12'/],
    ['submissions=60000000', /--scale submissions must be a whole number from 0 to 50,000,000/],
    ['goms=5,analyticsDays=3,monitoringHours=1.5', /--scale monitoringHours must be a whole number/],
    ['goms=5,eventsPerSubmission=1', /unknown count 'eventsPerSubmission' in --scale; use goms, buyerAccounts, orders, submissions, analyticsDays, monitoringHours/],
  ])('--scale %s', async (scale, pattern) => {
    const result = await runCli(['seed', '--scale', scale, ...confirm()], env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toContain('[E_USAGE]');
    expect(await seedRuns()).toBe(0);
  });

  it('--reference-date 2026-02-30 does not exist, and is not taken as 2026-03-02', async () => {
    const result = await runCli(['seed', '--scale', 'tiny', '--reference-date', '2026-02-30', ...confirm()], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gomflow-load: --reference-date must be a real calendar date like 2026-11-20, got '2026-02-30' \[E_USAGE\]\n$/);
    expect(await seedRuns()).toBe(0);
  });

  it('a preset of the config file above the limits is a config error', async () => {
    const cwd = project({ 'package.json': '{ "type": "module" }\n', 'gomflow.config.ts': 'export default { seed: { scales: { huge: { goms: 2000000 } } } };\n' });
    const result = await runCli(['seed', '--scale', 'huge', ...confirm()], env, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/seed\.scales\.huge\.goms must be at most 1,000,000; fix it in gomflow\.config\.ts \[E_CONFIG_INVALID\]/);
    expect(await seedRuns()).toBe(0);
  });
});
