import { describe, expect, it } from 'vitest';
import { runCliOnTerminal } from '../helpers/runCli.ts';

const ANSI = /\u001b\[[0-9;]*m/;

describe('colour on a terminal', () => {
  it('is on by default, so the terminal really is one', async () => {
    const result = await runCliOnTerminal(['db', '--help']);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(ANSI);
  });

  it.each(['1', 'true', 'yes', '0'])('is off with NO_COLOR=%s: any non-empty value', async (value) => {
    const result = await runCliOnTerminal(['db', '--help'], { NO_COLOR: value });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/USAGE/);
    expect(result.output).not.toMatch(ANSI);
  });

  it('stays on with an empty NO_COLOR', async () => {
    expect((await runCliOnTerminal(['db', '--help'], { NO_COLOR: '' })).output).toMatch(ANSI);
  });
});
