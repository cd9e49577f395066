import type { TestProject } from 'vitest/node';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { ensureLocalCluster, isLocalRunning, localUrl, startLocal, stopLocal } from '../../stack/localPostgres.ts';
import { connectClient } from '../../stack/connect.ts';
import { TEMPLATE_DATABASE, TEST_DATA_DIR } from './testClusterNames.ts';

/**
 * Starts one real embedded PostgreSQL for the whole suite (its own data directory, so a
 * developer's `db up` target is never touched) and builds a template database holding the
 * bundled schema, from which each test file clones its own database in a few ms.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's `postgres` database (superuser). */
    clusterUrl: string;
  }
}
