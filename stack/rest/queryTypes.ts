/** The parsed forms of PostgREST's query-string grammar (PGR `ApiRequest/Types.hs`). */

export interface JsonStep {
  arrow: '->' | '->>';
  key: string;
}

export interface FieldRef {
  name: string;
  jsonPath: JsonStep[];
}

export type SelectItem =
  | { kind: 'field'; field: FieldRef; cast?: string; alias?: string }
  /** `count` alone: inside an embed `rel(count)`, or on the root (`select=count`). */
  | { kind: 'count'; alias?: string }
  | { kind: 'embed'; name: string; alias?: string; hint?: string; inner: boolean; items: SelectItem[] };

export type SimpleOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'like' | 'ilike' | 'match' | 'imatch' | 'cs' | 'cd' | 'ov';

export type Operation =
  | { op: SimpleOperator; value: string; quantifier?: 'any' | 'all' }
  | { op: 'in'; values: string[] }
  | { op: 'is'; value: 'null' | 'not_null' | 'true' | 'false' | 'unknown' };

export interface Condition {
  field: FieldRef;
  negated: boolean;
  operation: Operation;
}

export type LogicTree = { kind: 'condition'; condition: Condition } | { kind: 'and' | 'or'; negated: boolean; children: LogicTree[] };

export interface OrderTerm {
  /** `rel(col)`: ordering by a to-one embed's column. */
  relation?: string;
  field: FieldRef;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** Everything the query string says, with embed-level parts keyed by their path joined with '.' ('' is the root). */
export interface ParsedQuery {
  select: SelectItem[];
  /** Conditions and and=/or= trees at each level, all of which must hold. */
  filters: Map<string, LogicTree[]>;
  order: Map<string, OrderTerm[]>;
  ranges: Map<string, { offset: number; limit?: number }>;
  onConflict?: string[];
  columns?: string[];
  /** Parameters that are not filters: a GET rpc's arguments. */
  params: [string, string][];
}
