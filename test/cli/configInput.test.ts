import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { tempProjects } from '../helpers/tempProjects.ts';

const project = tempProjects('gomflow-configinput-');

// A remote target that is never reached: should the config be accepted by mistake, the command fails fast instead of starting a local server.
const NOWHERE = { GOMFLOW_TARGET: 'postgres', DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/x' };
const BROKEN = `export default {\n  target: 'local',\n  budgets: { queryP95Ms: 100 ,, },\n};\n`;

describe('config mistakes through the CLI', () => {
  it.each([
    ['in an ES module project', { 'package.json': '{ "type": "module" }\n' }],
    // Outside one, tsx reports a require() cycle instead of the syntax error.
    ['in a folder without package.json', {}],
  ])('a syntax error in gomflow.config.ts names file, line, column and message %s', async (_name, files) => {
    const result = await runCli(['db', 'status'], NOWHERE, project({ ...files, 'gomflow.config.ts': BROKEN }));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gomflow-load: cannot load gomflow.config.ts:3:31: Expected identifier but found ","; fix the syntax error there [E_CONFIG_INVALID]\n');
  });

  it('an unknown option is refused with the nearest known one', async () => {
    const cwd = project({ 'package.json': '{ "type": "module" }\n', 'gomflow.config.ts': 'export default { budget: { queryP95Ms: 50 } };\n' });
    const result = await runCli(['db', 'status'], NOWHERE, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gomflow-load: unknown option `budget` in gomflow.config.ts; did you mean `budgets`? [E_CONFIG_INVALID]\n');
  });

  it('DATABASE_URL with the local target says which target is used and why', async () => {
    const result = await runCli(['db', 'up', '--schema', 'no/such.sql'], { DATABASE_URL: 'postgresql://app:s3cret@db.example/staging' }, project({}));
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'DATABASE_URL is set but the target is local (default); pass --target postgres to use it',
      'gomflow-load: schema file no/such.sql does not exist; pass the path of an .sql file to --schema [E_FILE_NOT_FOUND]',
      '',
    ]);
  });
});
