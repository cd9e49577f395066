/** A node of EXPLAIN's JSON plan. */
export type PlanNode = Record<string, unknown>;

/** An RLS policy's auth.uid()/auth.role(), as written or as inlined by the planner (the shim's SQL functions inline to current_setting). */
export const AUTH_CALL = /auth\.(uid|role|jwt)\(\)|current_setting\('request\.jwt\.claim/;

export const isNode = (value: unknown): value is PlanNode => value !== null && typeof value === 'object' && !Array.isArray(value);
export const num = (node: PlanNode, key: string): number => (typeof node[key] === 'number' ? (node[key] as number) : 0);
export const str = (node: PlanNode, key: string): string | undefined => (typeof node[key] === 'string' ? (node[key] as string) : undefined);
export const children = (node: PlanNode): PlanNode[] => (Array.isArray(node.Plans) ? node.Plans.filter(isNode) : []);

/** "Seq Scan on submissions", "Index Scan using idx_x on orders", "SubPlan 2: Seq Scan on orders". */
export function nodeLabel(node: PlanNode): string {
  const parts = [str(node, 'Node Type') ?? 'Node'];
  const index = str(node, 'Index Name');
  if (index) parts.push(`using ${index}`);
  const relation = str(node, 'Relation Name');
  if (relation) parts.push(`on ${relation}`);
  const subplan = str(node, 'Subplan Name');
  return subplan ? `${subplan}: ${parts.join(' ')}` : parts.join(' ');
}

/** The shim's auth.uid()/auth.role() as the planner inlines them, so filters read as their policies were written. */
const INLINED_AUTH = /COALESCE\(NULLIF\(current_setting\('request\.jwt\.claim\.(sub|role)'::text, true\), ''::text\), \(\(NULLIF\(current_setting\('request\.jwt\.claims'::text, true\), ''::text\)\)::jsonb ->> '(?:sub|role)'::text\)\)/g;

/** A plan condition made readable (auth calls restored) and cut to `max` characters. */
export function clip(text: string, max = 160): string {
  const readable = text.replace(INLINED_AUTH, (_match, claim: string) => (claim === 'sub' ? 'auth.uid()' : 'auth.role()')).replace(/\(auth\.uid\(\)\)::uuid/g, 'auth.uid()');
  return readable.length > max ? `${readable.slice(0, max - 1)}…` : readable;
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The scans of a plan, in plan order: what changes when a plan goes another way (generic vs custom, idle vs under load). */
export function scanLabels(plan: unknown): string[] {
  const top = Array.isArray(plan) ? plan[0] : plan;
  if (!isNode(top) || !isNode(top.Plan)) return [];
  const labels: string[] = [];
  const walk = (node: PlanNode) => {
    if (/Scan/.test(String(node['Node Type'] ?? ''))) labels.push(nodeLabel(node));
    children(node).forEach(walk);
  };
  walk(top.Plan);
  return labels;
}
