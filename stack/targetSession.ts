import type pg from 'pg';
import { connectTarget, ensureLocalDatabase, ensureRunning, resolveTarget, type Target } from './target.ts';
import type { RunContext } from '../core/runContext.ts';
import { readServerInfo, type ServerInfo } from './serverInfo.ts';

export interface TargetSession {
  target: Target;
  client: pg.Client;
  /** True when this command started the local server. */
  started: boolean;
  /** Whether the server is left running when the command ends. */
  runningAfter: boolean;
  /** Version and settings, read when connecting: results can still be written if the target is lost later. */
  server: ServerInfo;
}

export interface SessionOptions {
  /** Leave a local server this command started running afterwards (db up). */
  keepRunning?: boolean;
  /** Drop and re-create the local database before connecting (db reset). */
  recreateDatabase?: boolean;
}

/**
 * Opens the command's target: starts the local server when it is down (and stops it again
 * afterwards unless keepRunning), creates the local database if missing, connects.
 */
export async function withTarget<T>(ctx: RunContext, options: SessionOptions, work: (session: TargetSession) => Promise<T>): Promise<T> {
  const target = await resolveTarget(ctx.config, ctx.cwd);
  const running = await ensureRunning(target);
  try {
    await ensureLocalDatabase(target, options.recreateDatabase);
    const client = await connectTarget(target);
    try {
      const server = await readServerInfo(client);
      return await work({ target, client, server, started: running.started, runningAfter: !running.started || Boolean(options.keepRunning) });
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    if (!options.keepRunning) await running.release();
  }
}
