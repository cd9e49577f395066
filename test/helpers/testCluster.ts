import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

import { TEMPLATE_DATABASE } from './testClusterNames.ts';

/** URL of a database on the test cluster. */
export function testDatabaseUrl(database: string): string {
  const url = new URL(inject('clusterUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  /** A connected superuser client (the table owner, like `postgres` on Supabase). */
  client: pg.Client;
  drop: () => Promise<void>;
}

/** Clones a fresh database from the template (bundled schema) or creates an empty one. */
export async function createTestDatabase(prefix: string, from: 'template' | 'empty' = 'template'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('clusterUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${from === 'template' ? ` TEMPLATE ${TEMPLATE_DATABASE}` : ''}`);
  await admin.end();
  const url = testDatabaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    name,
    url,
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      const dropper = new pg.Client({ connectionString: inject('clusterUrl') });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
