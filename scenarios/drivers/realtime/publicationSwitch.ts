import type pg from 'pg';
import { GomflowError } from '../../../core/errors.ts';
import { REALTIME_PUBLICATION } from '../../../stack/realtime/realtimeHub.ts';

/** What the switch did, for results.json and the report. */
export interface PublicationChange {
  publication: string;
  /** Tables it added for the run (schema.table); empty when they were already published. */
  added: string[];
}

export interface PublicationSwitch extends PublicationChange {
  /** Drops exactly the tables it added (those still there); safe to call twice. */
  restore(): Promise<void>;
}

/**
 * Adds the tables a realtime scenario listens on to `supabase_realtime` for the run (GOMFLOW's
 * SQL never publishes orders or submissions, gomflow-traffic §2) and remembers which it added,
 * so restore() puts back exactly what was there. Names are taken from the catalog and quoted
 * there (format %I), never from input.
 */
export async function switchPublication(client: pg.Client, tables: readonly { schema: string; table: string }[]): Promise<PublicationSwitch> {
  const publication = await client.query<{ puballtables: boolean }>('SELECT puballtables FROM pg_publication WHERE pubname = $1', [REALTIME_PUBLICATION]);
  if (publication.rowCount === 0) throw new GomflowError('E_SCHEMA_MISSING', `publication ${REALTIME_PUBLICATION} does not exist on the target; apply the schema (gomflow-load db reset) or create it as Supabase does`);
  const added: { name: string; quoted: string }[] = [];
  if (!publication.rows[0]!.puballtables) {
    for (const { schema, table } of tables) {
      const { rows } = await client.query<{ quoted: string; published: boolean }>(
        `SELECT format('%I.%I', n.nspname, c.relname) AS quoted,
                EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.pubname = $3 AND p.schemaname = n.nspname AND p.tablename = c.relname) AS published
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = 'r'`,
        [schema, table, REALTIME_PUBLICATION],
      );
      const found = rows[0];
      if (!found) throw new GomflowError('E_SCHEMA_MISSING', `table ${schema}.${table} does not exist on the target; apply the schema first`);
      if (found.published) continue;
      await client.query(`ALTER PUBLICATION ${REALTIME_PUBLICATION} ADD TABLE ${found.quoted}`);
      added.push({ name: `${schema}.${table}`, quoted: found.quoted });
    }
  }
  let restored = false;
  return {
    publication: REALTIME_PUBLICATION,
    added: added.map((entry) => entry.name),
    async restore() {
      if (restored) return;
      for (const entry of added) {
        const [schema, table] = entry.name.split('.') as [string, string];
        const still = await client.query('SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3', [REALTIME_PUBLICATION, schema, table]);
        if (still.rowCount) await client.query(`ALTER PUBLICATION ${REALTIME_PUBLICATION} DROP TABLE ${entry.quoted}`);
      }
      restored = true;
    },
  };
}
