import { defineCommand, renderUsage, runCommand, type CommandDef } from 'citty';
import { colourAllowed } from '../core/colour.ts';
import { errorLine, EXIT_CODE_OF, isGomflowError } from '../core/errors.ts';
import { scrubSecrets } from '../core/redact.ts';
import { harnessVersion } from './harnessVersion.ts';

const main = defineCommand({
  meta: {
    name: 'gomflow-load',
    version: harnessVersion(),
    description: 'Load and performance testing harness for the GOMFLOW database',
  },
  subCommands: {
    db: () => import('./commands/db.ts').then((m) => m.default),
    seed: () => import('./commands/seed.ts').then((m) => m.default),
    run: () => import('./commands/run.ts').then((m) => m.default),
    report: () => import('./commands/report.ts').then((m) => m.default),
    check: () => import('./commands/check.ts').then((m) => m.default),
    bench: () => import('./commands/bench.ts').then((m) => m.default),
    load: () => import('./commands/load.ts').then((m) => m.default),
    forecast: () => import('./commands/forecast.ts').then((m) => m.default),
    'import-k6': () => import('./commands/import-k6.ts').then((m) => m.default),
    k6: () => import('./commands/k6.ts').then((m) => m.default),
  },
});

/** Runs the CLI and turns every error into one line and an exit code (core/errors.ts EXIT_CODE_OF). */
async function run(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  try {
    if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
      const usage = `${await renderUsage(...(await resolveForUsage(main, argv)))}\n\n${EXIT_CODES_HELP}`;
      // Help goes to stdout; citty colours it unless NO_COLOR is exactly "1", so strip it here.
      process.stdout.write(`${colourAllowed(process.stdout) ? usage : stripAnsi(usage)}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      process.stdout.write(`${harnessVersion()}\n`);
      return 0;
    }
    await runCommand(main, { rawArgs: argv });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (isGomflowError(error)) {
      // Our messages are written not to hold secrets (and show user:password@host as an example).
      process.stderr.write(`${errorLine(error)}\n`);
      if (verbose && error.stack) process.stderr.write(`${scrubSecrets(error.stack)}\n`);
      return error.exitCode;
    }
    const citty = error as { code?: string; message?: string };
    if (citty.code?.startsWith('E_') && citty.message) {
      // citty's own usage errors (unknown or missing command).
      process.stderr.write(`gomflow-load: ${stripAnsi(citty.message)}; see \`gomflow-load --help\` [E_USAGE]\n`);
      return 2;
    }
    // An error we did not expect may quote a library's or server's text: scrub it.
    process.stderr.write(`gomflow-load: unexpected error: ${scrubSecrets(citty.message ?? String(error))}; re-run with --verbose and report it\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${scrubSecrets(error.stack)}\n`);
    return EXIT_CODE_OF.E_INTERNAL;
  }
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

const EXIT_CODES_HELP = `EXIT CODES

  0  success (READY, or nothing failed)
  1  the verdict failed: a budget, a fail-level check, a regression under --fail-on-regression
  2  usage or configuration error
  3  the work could not be done: target unreachable or lost, a stage of run failed, interrupted, internal error`;

/**
 * Finds the sub-command named in argv, so --help shows that command's usage. Its parent is
 * given the whole path ("gomflow-load seed"), which citty prints before the sub-command's name.
 */
async function resolveForUsage(cmd: CommandDef, argv: string[], parent?: CommandDef): Promise<[CommandDef, CommandDef | undefined]> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  const subCommands = (typeof cmd.subCommands === 'function' ? await cmd.subCommands() : await cmd.subCommands) as
    | Record<string, CommandDef | (() => Promise<CommandDef>)>
    | undefined;
  const entry = name ? subCommands?.[name] : undefined;
  if (!entry) return [cmd, parent];
  const sub = typeof entry === 'function' ? await entry() : entry;
  const meta = (typeof cmd.meta === 'function' ? await cmd.meta() : await cmd.meta) ?? {};
  const path = [parent ? ((await (typeof parent.meta === 'function' ? parent.meta() : parent.meta))?.name ?? '') : '', meta.name ?? ''].filter(Boolean).join(' ');
  return resolveForUsage(sub, argv.slice(argv.indexOf(name!) + 1), { meta: { ...meta, name: path } });
}

/** Resolves once everything written so far has been handed to the OS (pipes are async in Node). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const exitCode = await run(process.argv.slice(2));
await Promise.all([drained(process.stdout), drained(process.stderr)]);
// Exit explicitly: an open handle left by a library must not keep a finished command alive.
process.exit(exitCode);
