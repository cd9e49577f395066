import type { ArgsDef } from 'citty';
import { loadConfig } from '../../core/config/loadConfig.ts';
import type { RunContext } from '../../core/runContext.ts';
import { GomflowError } from '../../core/errors.ts';

/** Flags every command takes. */
export const sharedArgs = {
  config: { type: 'string', description: 'Config file (default: ./gomflow.config.ts when present)', valueHint: 'file' },
  target: { type: 'string', description: 'Target: local (default), postgres (DATABASE_URL) or supabase', valueHint: 'local|postgres|supabase' },
  verbose: { type: 'boolean', description: 'Print stack traces of errors', default: false },
} as const satisfies ArgsDef;

/** Flag of the commands that change a database. */
export const confirmTargetArg = {
  'confirm-target': {
    type: 'string',
    description: 'Required to change a remote database: its host/database, exactly as in DATABASE_URL',
    valueHint: 'host/database',
  },
} as const satisfies ArgsDef;

/** Loads the config once for a command, after rejecting flags the command does not know. */
export async function prepareCommand(
  name: string,
  rawArgs: string[],
  argsDef: ArgsDef,
  args: { config?: string | undefined; target?: string | undefined },
): Promise<RunContext> {
  rejectUnknownFlags(name, rawArgs, argsDef);
  const cwd = process.cwd();
  const config = await loadConfig({
    cwd,
    env: process.env,
    flags: { ...(args.config ? { config: args.config } : {}), ...(args.target ? { target: args.target } : {}) },
    onNote: note,
  });
  return { config, cwd };
}

function rejectUnknownFlags(name: string, rawArgs: string[], argsDef: ArgsDef): void {
  const known = new Set<string>(['help', 'h']);
  for (const [key, def] of Object.entries(argsDef)) {
    known.add(key);
    if (def.type === 'boolean') known.add(`no-${key}`);
  }
  for (const raw of rawArgs) {
    if (raw === '--') break;
    if (!raw.startsWith('-')) continue;
    const flag = raw.replace(/^-{1,2}/, '').split('=')[0]!;
    if (!known.has(flag)) {
      throw new GomflowError('E_USAGE', `unknown option ${raw.split('=')[0]} for \`gomflow-load ${name}\`; see \`gomflow-load ${name} --help\``);
    }
  }
}

/** Progress and diagnostics go to stderr so stdout stays clean for --json. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}


/** Where the output folder is set, for messages about it. */
export const OUT_DIR_SETTING = 'GOMFLOW_OUT_DIR (or outDir in gomflow.config.ts)';
