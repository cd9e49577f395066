import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { ensureLocalCluster, isLocalRunning, localUrl, startLocal, stopLocal } from '../../stack/localPostgres.ts';
import { connectClient } from '../../stack/connect.ts';
import { TEMPLATE_DATABASE, TEST_DATA_DIR } from './testClusterNames.ts';

/**
 * Starts one real embedded PostgreSQL for the whole suite (its own data directory, so a
 * developer's `db up` target is never touched) and builds a template database holding the
 * bundled schema, from which each test file clones its own database in a few ms. A cluster the
 * suite created is removed again at the end (data folder and state file), so a run leaves the
 * machine as it found it; one that was there before is kept and only stopped if the suite started it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const parent = path.dirname(path.resolve(TEST_DATA_DIR));
  const parentExisted = existsSync(parent);
  const created = !existsSync(path.resolve(TEST_DATA_DIR + '.json'));
  const cluster = await ensureLocalCluster(TEST_DATA_DIR, process.cwd(), 0);
  const alreadyRunning = await isLocalRunning(cluster);
  if (!alreadyRunning) await startLocal(cluster);
  const admin = await connectClient({ url: localUrl(cluster, 'postgres'), timeoutMs: 5000, where: 'test cluster' });
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const template = await connectClient({ url: localUrl(cluster, TEMPLATE_DATABASE), timeoutMs: 5000, where: 'test template' });
  await applySchema(template, { source: 'bundled', withShim: true });
  await template.end();
  await admin.end();
  project.provide('clusterUrl', localUrl(cluster, 'postgres'));
  return async () => {
    if (!alreadyRunning) await stopLocal(cluster);
    if (created) {
      for (const leftover of [cluster.layout.dataDir, path.resolve(TEST_DATA_DIR), cluster.statePath]) rmSync(leftover, { recursive: true, force: true });
      if (!parentExisted && readdirSync(parent).length === 0) rmSync(parent, { recursive: true });
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's `postgres` database (superuser). */
    clusterUrl: string;
  }
}
