import type { ChangeSubscription, ChannelMember } from './channelMember.ts';
import { filterValueFits, parseChangeFilter } from './postgresChangesFilter.ts';
import type { RelationCatalog } from './relationCatalog.ts';

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);

/** One requested binding of `config.postgres_changes`, as the client sends it (echoed back verbatim with its id). */
export type ChangeBinding = Record<string, unknown> & { event?: unknown; schema?: unknown; table?: unknown; filter?: unknown };

/**
 * Turns a join's postgres_changes bindings into subscriptions, each checked against the catalog
 * as Realtime's subscription check does (the table exists, the filter names a column and a
 * value its type takes). Bindings that fail are left out and named in `errors`.
 */
export async function changeSubscriptions(member: ChannelMember, bindings: ChangeBinding[], ids: number[], catalog: RelationCatalog): Promise<{ subscriptions: ChangeSubscription[]; errors: string[] }> {
  const subscriptions: ChangeSubscription[] = [];
  const errors: string[] = [];
  for (const [i, binding] of bindings.entries()) {
    const refused = await checkBinding(binding, catalog);
    if (typeof refused === 'string') {
      errors.push(refused);
      continue;
    }
    subscriptions.push({ id: ids[i]!, member, ...refused });
  }
  return { subscriptions, errors };
}

async function checkBinding(binding: ChangeBinding, catalog: RelationCatalog): Promise<Omit<ChangeSubscription, 'id' | 'member'> | string> {
  const event = typeof binding.event === 'string' ? binding.event.toUpperCase() : '';
  const schema = typeof binding.schema === 'string' && binding.schema !== '' ? binding.schema : 'public';
  const table = typeof binding.table === 'string' && binding.table !== '' ? binding.table : '*';
  const params = `[event: ${String(binding.event)}, schema: ${schema}, table: ${table}, filters: ${binding.filter ? String(binding.filter) : '[]'}]`;
  const unable = (why: string) => `Unable to subscribe to changes with given parameters ${params}: ${why}`;
  if (!EVENTS.has(event)) return unable(`event must be one of *, INSERT, UPDATE, DELETE`);
  if (schema === '*') return unable('a schema must be named (the local stack does not watch every schema)');
  if (table === '*') return binding.filter ? unable('a filter needs a table') : { event: event as ChangeSubscription['event'], schema, table };
  const info = await catalog.get(schema, table);
  if (!info) return unable(`table ${schema}.${table} does not exist`);
  if (binding.filter === undefined || binding.filter === null || binding.filter === '') return { event: event as ChangeSubscription['event'], schema, table };
  const filter = parseChangeFilter(String(binding.filter));
  if (typeof filter === 'string') return unable(filter);
  const column = info.columns.find((c) => c.name === filter.column);
  if (!column) return unable(`invalid column for filter ${filter.column}`);
  if (!filterValueFits(filter, column.type)) return unable(`invalid input value for ${column.type} in filter ${String(binding.filter)}`);
  return { event: event as ChangeSubscription['event'], schema, table, filter };
}
