import { connectTarget, type Target } from '../../stack/target.ts';

/** Every database the seed bench makes is named with this prefix, and only those. */
export const BENCH_DATABASE_PREFIX = 'gomflow_bench_';

export interface BenchDatabases {
  /** Creates a bench database (from `template` if given) and remembers it for dropAll. */
  create(suffix: string, template?: string): Promise<string>;
  /** Drops one bench database now, to keep at most one large copy on disk at a time. */
  drop(name: string): Promise<void>;
  /** Drops what an earlier bench left behind (killed before it could clean up); returns the names. */
  dropLeftovers(): Promise<string[]>;
  /** Drops every database created here that is still there; returns the line that says so. */
  dropAll(): Promise<string>;
}

/**
 * The seed bench's databases on the local cluster. A bench must leave the machine as it found
 * it: a large run makes several GB of them, so each is dropped as soon as it has been measured
 * and whatever is left when the bench ends, fails or is interrupted, in the caller's finally.
 */
export function benchDatabases(target: Target): BenchDatabases {
  const made: string[] = [];
  const created = new Set<string>();
  let freedBytes = 0;
  const admin = async <T>(work: (client: Awaited<ReturnType<typeof connectTarget>>) => Promise<T>): Promise<T> => {
    const client = await connectTarget(target, 'postgres');
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  /** Drops a database if it is there; returns the bytes it held. */
  const dropNamed = (name: string) =>
    admin(async (client) => {
      const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(datname)::text AS bytes FROM pg_database WHERE datname = $1', [name]);
      // FORCE ends sessions still connected, such as a seed stopped half-way.
      await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
      return Number(rows[0]?.bytes ?? 0);
    });
  const drop = async (name: string) => {
    freedBytes += await dropNamed(name);
    created.delete(name);
  };
  return {
    drop,
    async create(suffix, template) {
      const name = `${BENCH_DATABASE_PREFIX}${suffix}`;
      made.push(name);
      created.add(name);
      await dropNamed(name);
      await admin((client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
      return name;
    },
    async dropLeftovers() {
      const { rows } = await admin((client) => client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1`, [BENCH_DATABASE_PREFIX]));
      for (const { datname } of rows) await dropNamed(datname);
      return rows.map((r) => r.datname);
    },
    async dropAll() {
      try {
        for (const name of [...created]) await drop(name);
      } catch (error) {
        return `bench:seed: could not drop ${[...created].join(', ')} (${(error as Error).message}); drop them with DROP DATABASE … WITH (FORCE)`;
      }
      if (made.length === 0) return 'bench:seed: made no database; nothing to drop';
      return `bench:seed: dropped the ${made.length} databases it made (${made.join(', ')}; ${freedMessage(freedBytes)}); none is left`;
    },
  };
}

function freedMessage(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB freed` : `${Math.round(bytes / 1024 ** 2)} MB freed`;
}
