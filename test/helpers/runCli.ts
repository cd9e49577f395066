import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/gomflow-load.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where CLI runs of this test process write results.json, away from the developer's out/. */
export const TEST_OUT_DIR = mkdtempSync(path.join(tmpdir(), 'gomflow-out-'));
// Each test file imports this module afresh, so the folder is its own: removed once its tests are done.
afterAll(() => rmSync(TEST_OUT_DIR, { recursive: true, force: true }));

export interface CliHooks {
  started?: (child: ChildProcess) => void;
  stderr?: (stderr: string, child: ChildProcess) => void;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process, with only the environment a test gives it.
 * `hooks.started` receives the child, for a test that signals it (Ctrl-C is SIGINT);
 * `hooks.stderr` sees stderr as it grows, e.g. to interrupt the child at a given point.
 */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT, hooks: CliHooks = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', GOMFLOW_OUT_DIR: TEST_OUT_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    hooks.started?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      hooks.stderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Runs the real CLI on a pseudo-terminal (util-linux `script`), for what only happens on a
 * terminal such as colour. stdout and stderr arrive merged, with CRLF line ends.
 */
export function runCliOnTerminal(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm', GOMFLOW_OUT_DIR: TEST_OUT_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}
