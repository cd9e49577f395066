import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/gomflow-load.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where CLI runs of this test process write results.json, away from the developer's out/. */
export const TEST_OUT_DIR = mkdtempSync(path.join(tmpdir(), 'gomflow-out-'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process, with only the environment a test gives it.
 * `started` receives the child, for a test that signals it (Ctrl-C is SIGINT).
 */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT, started?: (child: ChildProcess) => void): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', GOMFLOW_OUT_DIR: TEST_OUT_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
