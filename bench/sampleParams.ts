import type pg from 'pg';
import { classesOf, type CatalogQuery, type ParamClass } from './catalogQuery.ts';

/** Marks the harness's own statements (sampling, catalog and pg_stat_statements reads) in pg_stat_activity and server logs. */
export const INTERNAL_MARK = '/* gomflow-load:internal */';

/** One set of parameter values, and the JWT sub an authenticated run uses with it (when the sampler chose one). */
export interface SampleRow {
  values: unknown[];
  sub?: string;
}

/** The sampled parameters of one class; iterations cycle through the rows. */
export interface ParamSet {
  paramClass: ParamClass;
  rows: SampleRow[];
  /** Why there are no rows, when there are none. */
  missing?: string;
}

/** A signed-in user who owns nothing, for when a sampler names no `sub`; used if the data has no buyer account. */
export const FALLBACK_BUYER_SUB = '00000000-0000-4000-8000-00000000b0e1';

/**
 * Runs the catalog's sampling queries (as the connecting user, outside any role: they pick
 * data, they are not measured). Identical sampling SQL runs once per bench.
 */
export class ParamSampler {
  private readonly cache = new Map<string, Promise<Record<string, unknown>[]>>();
  private buyer: Promise<string> | undefined;

  constructor(private readonly client: pg.Client) {}

  /** The parameter sets of a query, one per class it runs in. */
  async sample(query: CatalogQuery): Promise<ParamSet[]> {
    const sets: ParamSet[] = [];
    for (const paramClass of classesOf(query)) {
      const sql = query.samplers[paramClass];
      if (sql === undefined) {
        sets.push({ paramClass, rows: [{ values: [] }] });
        continue;
      }
      const rows = await this.rows(sql);
      if (rows.length === 0) {
        sets.push({ paramClass, rows: [], missing: `the ${paramClass} sampling query returned no rows (is the database seeded?)` });
        continue;
      }
      sets.push({
        paramClass,
        rows: rows.map((row) => {
          const values = query.params.map((param) => {
            if (!(param in row)) throw new Error(`the ${paramClass} sampling query of ${query.name} returns no column '${param}'`);
            return row[param];
          });
          return row.sub === undefined || row.sub === null ? { values } : { values, sub: String(row.sub) };
        }),
      });
    }
    return sets;
  }

  /** The JWT sub of the buyer persona: the first seeded account that owns no order. */
  buyerSub(): Promise<string> {
    this.buyer ??= this.client
      .query<{ sub: string }>(
        `${INTERNAL_MARK} SELECT p.user_id::text AS sub FROM public.profiles p
         WHERE NOT EXISTS (SELECT 1 FROM public.orders o WHERE o.user_id = p.user_id) ORDER BY p.user_id LIMIT 1`,
      )
      .then((result) => result.rows[0]?.sub ?? FALLBACK_BUYER_SUB);
    return this.buyer;
  }

  private rows(sql: string): Promise<Record<string, unknown>[]> {
    let pending = this.cache.get(sql);
    if (!pending) {
      pending = this.client.query(`${INTERNAL_MARK} ${sql}`).then((result) => result.rows as Record<string, unknown>[]);
      this.cache.set(sql, pending);
    }
    return pending;
  }
}
