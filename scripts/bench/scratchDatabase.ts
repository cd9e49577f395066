import pg from 'pg';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { runSeed } from '../../seed/runSeed.ts';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { connectTarget, type Target } from '../../stack/target.ts';
import { benchDatabases } from './benchDatabases.ts';

export interface ScratchDatabase {
  name: string;
  /** Connection URL of the scratch database (holds the password: pass it to drivers, never print it). */
  url: string;
  /** An open connection to it, ended by drop(). */
  control: pg.Client;
  /** Ends the control connection and drops the database; safe to call from a finally, more than once. */
  drop(): Promise<void>;
}

/**
 * A bench script's scratch database on the local cluster, with the Supabase shim (the API
 * roles the request context switches to, auth and storage schemas) and the bundled GOMFLOW
 * schema applied. Named like the seed bench's databases, so a bench killed
 * before its finally leaves something the next one recognises and drops.
 */
export async function openScratchDatabase(target: Target, suffix: string): Promise<ScratchDatabase> {
  const databases = benchDatabases(target);
  const name = await databases.create(`${suffix}_${process.pid}`);
  const url = Object.assign(new URL(target.url), { pathname: `/${name}` }).toString();
  let control: pg.Client | undefined;
  const drop = async () => {
    await control?.end().catch(() => undefined);
    control = undefined;
    await databases.dropAll().catch(() => undefined);
  };
  try {
    control = await connectTarget(target, name);
    await applySchema(control, { source: 'bundled', withShim: true });
    return { name, url, control, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Seeds `tiny` (seed 1, quietly) into a scratch database: the data the HTTP benches measure against. */
export async function seedScratchTiny(scratch: ScratchDatabase): Promise<void> {
  const connect = async () => {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    return client;
  };
  const quiet = { tableStart: () => undefined, tableProgress: () => undefined, tableDone: () => undefined };
  await runSeed(connect, ALL_TABLE_SPECS, { seed: 1, scale: 'tiny', counts: SCALE_PRESETS.tiny, analytics: 'designed', referenceDate: new Date(), parallel: 2, fastPath: true, signal: new AbortController().signal, events: quiet });
}

/**
 * A one-table read fixture for the pg-driver benches: `public.<table>` (id int PRIMARY KEY, payload text) with `rows`
 * rows, readable by service_role, analysed; and the single read journey that runs `query` as service_role.
 */
export async function createReadFixture(control: pg.Client, table: string, rows: number, query: string) {
  await control.query(`CREATE TABLE public.${table} (id int PRIMARY KEY, payload text NOT NULL);
    INSERT INTO public.${table} SELECT g, md5(g::text) FROM generate_series(1, ${rows}) g;
    GRANT SELECT ON public.${table} TO service_role; ANALYZE public.${table}`);
  return { kind: 'read' as const, name: 'read', patterns: [], weight: 1, query, role: 'service_role' as const, hotShare: 0 };
}
