import pg from 'pg';
import { LogicalReplicationService, PgoutputPlugin } from 'pg-logical-replication';
import type { WalChange } from './walChange.ts';

export interface ChangeStreamOptions {
  databaseUrl: string;
  /** Unique to this server process (see replicationSlotName). */
  slotName: string;
  publication: string;
  onChange: (change: WalChange) => void;
  /** A table's definition changed: cached catalog facts about it are stale. */
  onRelation: (schema: string, table: string) => void;
  log: (line: string) => void;
}

export interface ChangeStream {
  close: () => Promise<void>;
}

type Tuple = Record<string, string | null>;
interface Relation {
  schema: string;
  name: string;
  keyColumns: string[];
  columns: { name: string; parser: (raw: string) => unknown }[];
}

/**
 * Reads the publication's changes from ONE temporary pgoutput slot and hands them on in commit
 * order. Temporary: PostgreSQL drops it when the replication connection ends, so a crashed
 * server leaves no slot holding WAL. Resolves once the slot exists and streams, so a
 * subscriber told "subscribed" misses nothing committed afterwards.
 */
export async function openChangeStream(options: ChangeStreamOptions): Promise<ChangeStream> {
  // UTC and ISO dates: the text values then read as on Supabase, whose database runs in UTC.
  const service = new LogicalReplicationService({ connectionString: options.databaseUrl, options: '-c TimeZone=UTC -c DateStyle=ISO' }, { acknowledge: { auto: true, timeoutSeconds: 10 } });
  const plugin = new TemporarySlotPgoutput({ protoVersion: 1, publicationNames: [options.publication] });
  let commitMs = 0;
  service.on('data', (_lsn: string, message: { tag: string } & Record<string, unknown>) => {
    switch (message.tag) {
      case 'begin':
        commitMs = Number((message.commitTime as bigint) / 1000n);
        break;
      case 'relation': {
        const relation = message as unknown as Relation;
        // Keep PostgreSQL's text: pg's parsers would turn timestamps into Dates (losing µs) and
        // int8/numeric into strings; realtimeValue converts the text as Realtime's cast does.
        for (const column of relation.columns) column.parser = (raw) => raw;
        options.onRelation(relation.schema, relation.name);
        break;
      }
      case 'insert':
      case 'update':
      case 'delete':
        options.onChange(toWalChange(message, commitMs));
        break;
      default:
        break;
    }
  });
  let stopped = false;
  const started = new Promise<void>((resolve, reject) => {
    service.once('start', () => resolve());
    service.subscribe(plugin, options.slotName).then(
      () => {
        if (!stopped) options.log(`realtime: the replication connection ended; changes committed until it is back are lost`);
      },
      reject,
    );
  });
  service.on('error', (error: Error) => options.log(`realtime: replication error: ${error.message}`));
  await started;
  return {
    close: async () => {
      stopped = true;
      await service.destroy();
    },
  };
}

function toWalChange(message: Record<string, unknown>, commitMs: number): WalChange {
  const relation = message.relation as Relation;
  const base = { schema: relation.schema, table: relation.name, commitMs };
  if (message.tag === 'insert') return { ...base, type: 'INSERT', record: message.new as Tuple, oldRecord: null };
  const old = (message.old ?? message.key) as Tuple | null;
  if (message.tag === 'delete') return { ...base, type: 'DELETE', record: null, oldRecord: old ?? {} };
  const record = message.new as Tuple;
  // No old tuple when the identity did not change: the identity columns are then the new row's (as wal2json's `identity`).
  return { ...base, type: 'UPDATE', record, oldRecord: old ?? Object.fromEntries(relation.keyColumns.map((name) => [name, record[name] ?? null])) };
}

/** pgoutput on a slot created TEMPORARY on the replication connection itself, right before streaming. */
class TemporarySlotPgoutput extends PgoutputPlugin {
  override async start(client: pg.Client, slotName: string, lastLsn: string): Promise<unknown> {
    await client.query(`CREATE_REPLICATION_SLOT "${slotName}" TEMPORARY LOGICAL pgoutput (SNAPSHOT 'nothing')`);
    return super.start(client, slotName, lastLsn);
  }
}
