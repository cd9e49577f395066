const MAX_LINES = 300;
const MAX_FALLBACK_CHARS = 20_000;

type PlanNode = Record<string, unknown>;

const isNode = (value: unknown): value is PlanNode => value !== null && typeof value === 'object' && !Array.isArray(value);
const num = (node: PlanNode, key: string) => (typeof node[key] === 'number' ? (node[key] as number) : undefined);
const str = (node: PlanNode, key: string) => (typeof node[key] === 'string' ? (node[key] as string) : undefined);

/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output as the text EXPLAIN prints, which people read
 * faster than JSON and which is a fraction of its size. Anything else is pretty-printed JSON, cut.
 */
export function planText(plan: unknown): string {
  const top = Array.isArray(plan) ? plan[0] : plan;
  if (!isNode(top) || !isNode(top.Plan)) {
    const json = JSON.stringify(plan, null, 2) ?? String(plan);
    return json.length > MAX_FALLBACK_CHARS ? `${json.slice(0, MAX_FALLBACK_CHARS)}\n… (cut)` : json;
  }
  const lines: string[] = [];
  walk(top.Plan, 0, lines);
  if (lines.length > MAX_LINES) lines.splice(MAX_LINES, lines.length - MAX_LINES, `… (${lines.length - MAX_LINES} more lines cut)`);
  const planning = num(top, 'Planning Time');
  const execution = num(top, 'Execution Time');
  if (planning !== undefined) lines.push(`Planning Time: ${planning.toFixed(3)} ms`);
  if (execution !== undefined) lines.push(`Execution Time: ${execution.toFixed(3)} ms`);
  return lines.join('\n');
}

function walk(node: PlanNode, depth: number, lines: string[]): void {
  if (lines.length > MAX_LINES) {
    lines.push('…');
    return;
  }
  const pad = depth === 0 ? '' : `${' '.repeat(depth * 6 - 4)}->  `;
  const detailPad = ' '.repeat(depth === 0 ? 2 : depth * 6 + 2);
  lines.push(`${pad}${headline(node)}${costs(node)}`);
  const details: [string, string | undefined][] = [
    ['Hash Cond', str(node, 'Hash Cond')],
    ['Merge Cond', str(node, 'Merge Cond')],
    ['Index Cond', str(node, 'Index Cond')],
    ['Recheck Cond', str(node, 'Recheck Cond')],
    ['Join Filter', str(node, 'Join Filter')],
    ['Filter', str(node, 'Filter')],
    ['Rows Removed by Filter', num(node, 'Rows Removed by Filter')?.toString()],
    ['Rows Removed by Index Recheck', num(node, 'Rows Removed by Index Recheck')?.toString()],
    ['Sort Key', Array.isArray(node['Sort Key']) ? (node['Sort Key'] as unknown[]).join(', ') : undefined],
    ['Sort Method', str(node, 'Sort Method') && `${str(node, 'Sort Method')}  ${str(node, 'Sort Space Type') ?? ''}: ${num(node, 'Sort Space Used') ?? '?'}kB`],
    ['Buffers', buffers(node)],
  ];
  for (const [label, value] of details) if (value) lines.push(`${detailPad}${label}: ${value}`);
  const children = Array.isArray(node.Plans) ? node.Plans.filter(isNode) : [];
  for (const child of children) walk(child, depth + 1, lines);
}

function headline(node: PlanNode): string {
  const type = str(node, 'Node Type') ?? 'Node';
  const parts = [str(node, 'Strategy') && type === 'Aggregate' ? `${str(node, 'Strategy')} ${type}` : type];
  const join = str(node, 'Join Type');
  if (join && join !== 'Inner') parts[0] = / Join$/.test(type) ? type.replace(/ Join$/, ` ${join} Join`) : `${type} ${join} Join`;
  if (str(node, 'Scan Direction') === 'Backward') parts.push('Backward');
  if (str(node, 'Index Name')) parts.push(`using ${str(node, 'Index Name')}`);
  const relation = str(node, 'Relation Name');
  if (relation) {
    const alias = str(node, 'Alias');
    parts.push(`on ${relation}${alias && alias !== relation ? ` ${alias}` : ''}`);
  }
  return parts.join(' ');
}

function costs(node: PlanNode): string {
  const estimate =
    num(node, 'Total Cost') !== undefined ? `  (cost=${num(node, 'Startup Cost')?.toFixed(2) ?? '?'}..${num(node, 'Total Cost')!.toFixed(2)} rows=${num(node, 'Plan Rows') ?? '?'})` : '';
  const total = num(node, 'Actual Total Time');
  const actual =
    total !== undefined
      ? ` (actual time=${num(node, 'Actual Startup Time')?.toFixed(3) ?? '?'}..${total.toFixed(3)} rows=${num(node, 'Actual Rows') ?? '?'} loops=${num(node, 'Actual Loops') ?? '?'})`
      : num(node, 'Actual Loops') === 0
        ? ' (never executed)'
        : '';
  return estimate + actual;
}

function buffers(node: PlanNode): string | undefined {
  const shared = [
    ['hit', num(node, 'Shared Hit Blocks')],
    ['read', num(node, 'Shared Read Blocks')],
    ['dirtied', num(node, 'Shared Dirtied Blocks')],
    ['written', num(node, 'Shared Written Blocks')],
  ].filter(([, value]) => typeof value === 'number' && value > 0);
  const temp = [
    ['read', num(node, 'Temp Read Blocks')],
    ['written', num(node, 'Temp Written Blocks')],
  ].filter(([, value]) => typeof value === 'number' && value > 0);
  const parts = [];
  if (shared.length) parts.push(`shared ${shared.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  if (temp.length) parts.push(`temp ${temp.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  return parts.length ? parts.join(', ') : undefined;
}
