import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where pgbench is: PGBENCH, then /usr/bin/pgbench, then each PATH entry; undefined when missing. */
export function findPgbench(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.PGBENCH, '/usr/bin/pgbench', ...(env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'pgbench'))];
  return candidates.find((file): file is string => Boolean(file) && existsSync(file!));
}

export interface PgbenchRun {
  /** Transactions per second, without initial connection time. */
  tps: number;
  stdout: string;
}

/** Runs pgbench against a loopback URL; rejects with its stderr when it fails. */
export function runPgbench(bin: string, url: string, args: string[], cwd: string): Promise<PgbenchRun> {
  const u = new URL(url);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const all = ['-n', '-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username), ...args, u.pathname.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, all, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const tps = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(stdout)?.[1];
      if (code !== 0 || tps === undefined) reject(new Error(`pgbench failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve({ tps: Number(tps), stdout });
    });
  });
}

/**
 * Latencies in ms from pgbench's per-transaction logs (-l) in `dir` whose names start with
 * `prefix`: the transaction time plus, under --rate, its schedule lag — latency from the
 * scheduled start, as our open model measures it.
 */
export function readPgbenchLatencies(dir: string, prefix: string): number[] {
  const latencies: number[] = [];
  for (const file of readdirSync(dir).filter((name) => name.startsWith(prefix))) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 6) continue;
      const lagUs = fields.length >= 7 ? Number(fields[6]) : 0;
      latencies.push((Number(fields[2]) + lagUs) / 1000);
    }
  }
  return latencies;
}
