/** One row change decoded from the slot, values still as PostgreSQL's text output. */
export interface WalChange {
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  /** Commit time, ms since the Unix epoch (the database clock). */
  commitMs: number;
  /** The new row (INSERT, UPDATE). */
  record: Record<string, string | null> | null;
  /** What the WAL holds of the old row under the table's REPLICA IDENTITY (UPDATE, DELETE). */
  oldRecord: Record<string, string | null> | null;
}
