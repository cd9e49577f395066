import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where wrk is: WRK, then /usr/bin/wrk, then each PATH entry; undefined when missing. */
export function findWrk(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.WRK, '/usr/bin/wrk', ...(env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'wrk'))];
  return candidates.find((file): file is string => Boolean(file) && existsSync(file!));
}

/**
 * Runs wrk on one URL with `connections` keep-alive connections over two threads; returns
 * requests/s and the non-2xx count. Headers go through a Lua script in `workDir` (mode 0600),
 * not the command line, where `ps` would show the keys.
 */
export function runWrk(bin: string, url: string, headers: Record<string, string>, connections: number, seconds: number, workDir: string): Promise<{ rps: number; non2xx: number }> {
  const script = path.join(workDir, 'headers.lua');
  writeFileSync(script, Object.entries(headers).map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}\n`).join(''), { mode: 0o600 });
  const args = ['-t', String(Math.min(2, connections)), '-c', String(connections), '-d', `${seconds}s`, '-s', script, url];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1];
      if (code !== 0 || rps === undefined) return reject(new Error(`wrk failed (exit ${code}): ${stderr.trim() || stdout.trim()}`));
      resolve({ rps: Number(rps), non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0) });
    });
  });
}
