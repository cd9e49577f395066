import type { ApiRole } from '../stack/requestContext.ts';

/** How a query's parameters were chosen: keys of the top 1 %, keys near the median, or values that do not rank. */
export type ParamClass = 'hot' | 'typical' | 'fixed';

export const PARAM_CLASSES: readonly ParamClass[] = ['hot', 'typical', 'fixed'];

/** One file of sql/queries: the header (see sql/queries/README.md) and the statement. */
export interface CatalogQuery {
  /** Catalog name, unique, [a-z0-9_]. */
  name: string;
  /** File it came from (for messages). */
  file: string;
  /** The user journey (gomflow-traffic.md section and pattern id). */
  journey: string;
  /** The roles the app runs it as, in header order. */
  roles: ApiRole[];
  /** Parameter names in $1, $2 … order; the sampling queries return columns of these names. */
  params: string[];
  /** Sampling SQL per parameter class; none for a query without parameters (class fixed). */
  samplers: Partial<Record<ParamClass, string>>;
  /** Per-query budget override, ms. */
  budget: { p95Ms?: number; maxMs?: number };
  /** The request as PostgREST receives it, for people. */
  shape?: string;
  /** Free notes. */
  note?: string;
  /** The statement, without the header. */
  sql: string;
}

/** The parameter classes a query runs in: its samplers' classes, or fixed when it has no parameters. */
export function classesOf(query: CatalogQuery): ParamClass[] {
  const classes = PARAM_CLASSES.filter((paramClass) => query.samplers[paramClass] !== undefined);
  return classes.length > 0 ? classes : ['fixed'];
}
