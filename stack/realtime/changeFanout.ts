import type pg from 'pg';
import type { ApiRole } from '../requestContext.ts';
import type { ChangeSubscription, ChannelMember } from './channelMember.ts';
import { passesFilter } from './postgresChangesFilter.ts';
import { toRealtimeValue } from './realtimeValue.ts';
import type { RelationCatalog, RelationInfo } from './relationCatalog.ts';
import { rlsVisible } from './rlsVisibility.ts';
import type { WalChange } from './walChange.ts';

/** What became of one change, for a driver that counts deliveries and the RLS cost. */
export interface ChangeReport {
  schema: string;
  table: string;
  type: WalChange['type'];
  commitMs: number;
  /** Subscriptions on this table and event. */
  matched: number;
  /** Of those, the ones its filters let through. */
  passedFilters: number;
  /** RLS checks run (one per subscription that passed its filter, when the table has RLS and this is no DELETE). */
  rlsChecks: number;
  /** Database time of those checks, ms. */
  rlsMs: number;
  /** Subscriptions that received it. */
  delivered: number;
  errors: string[] | null;
}

export interface FanoutLimits {
  /** Changes per second read from the slot; above it changes are skipped and counted, as on Supabase (facts §1). */
  eventsPerSecond: number;
  /** A record bigger than this (bytes of JSON) is cut to its values of ≤ 64 bytes with errors ["Error 413: Payload Too Large"]. */
  maxRecordBytes: number;
}

const PAYLOAD_TOO_LARGE = 'Error 413: Payload Too Large';
const NO_PRIMARY_KEY = 'Error 400: Bad Request, no primary key';
const UNAUTHORIZED = 'Error 401: Unauthorized';
/** Realtime keeps values up to 64 bytes when a record is too large (RT apply_rls). */
const KEPT_VALUE_BYTES = 64;

/**
 * postgres_changes delivery, one change at a time in commit order (Realtime processes them on a
 * single thread): match subscriptions by schema, table and event, apply filters, check RLS per
 * subscription in the database, and send each channel one message naming its binding ids.
 */
export class ChangeFanout {
  readonly subscriptions = new Set<ChangeSubscription>();
  private readonly queue: WalChange[] = [];
  private draining = false;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    private readonly catalog: RelationCatalog,
    private readonly rlsClient: () => Promise<pg.Client>,
    private readonly limits: FanoutLimits,
    private readonly events: { change: (report: ChangeReport) => void; skipped: (change: WalChange) => void; failed: (error: Error) => void },
    private readonly now: () => number = Date.now,
  ) {}

  /** A change read from the slot: queued, or skipped when this second's limit is spent. */
  accept(change: WalChange): void {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    if (this.windowCount >= this.limits.eventsPerSecond) {
      this.events.skipped(change);
      return;
    }
    this.windowCount += 1;
    this.queue.push(change);
    if (!this.draining) void this.drain();
  }

  /** Resolves when every accepted change has been processed. */
  async idle(): Promise<void> {
    while (this.draining || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let change = this.queue.shift(); change; change = this.queue.shift()) {
        try {
          this.events.change(await this.deliver(change));
        } catch (error) {
          this.events.failed(error as Error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async deliver(change: WalChange): Promise<ChangeReport> {
    const report: ChangeReport = { schema: change.schema, table: change.table, type: change.type, commitMs: change.commitMs, matched: 0, passedFilters: 0, rlsChecks: 0, rlsMs: 0, delivered: 0, errors: null };
    const matching = [...this.subscriptions].filter((s) => s.schema === change.schema && (s.table === '*' || s.table === change.table) && (s.event === '*' || s.event === change.type));
    report.matched = matching.length;
    if (matching.length === 0) return report;
    const info = await this.catalog.get(change.schema, change.table);
    if (!info) return report;
    const types = new Map(info.columns.map((c) => [c.name, c.type]));
    const convert = (tuple: Record<string, string | null> | null) => (tuple ? Object.fromEntries(Object.entries(tuple).map(([name, text]) => [name, toRealtimeValue(types.get(name) ?? 'text', text)])) : null);
    let record = convert(change.record);
    let oldRecord = convert(change.oldRecord);
    const tooLarge = Buffer.byteLength(JSON.stringify([change.record, change.oldRecord])) > this.limits.maxRecordBytes;
    if (tooLarge) [record, oldRecord] = [keepSmallValues(record), keepSmallValues(oldRecord)];
    // DELETEs are filtered on what the WAL kept of the old row.
    const filterRow = change.type === 'DELETE' ? (oldRecord ?? {}) : (record ?? {});
    const deliveries = new Map<ChannelMember, { ids: number[]; data: Record<string, unknown> }>();
    for (const [role, subscriptions] of groupByRole(matching)) {
      const refusal = this.refusal(change, info, role);
      if (refusal) {
        report.errors = [refusal];
        // Realtime sends the bare error to every subscription of the role, filters unchecked.
        for (const s of subscriptions) addDelivery(deliveries, s, { schema: change.schema, table: change.table, type: change.type, errors: [refusal] });
        continue;
      }
      const passed = subscriptions.filter((s) => !s.filter || passesFilter(s.filter, filterRow, types.get(s.filter.column) ?? 'text'));
      report.passedFilters += passed.length;
      let visible = passed;
      if (info.rlsEnabled && change.type !== 'DELETE' && passed.length > 0) {
        const started = performance.now();
        visible = await rlsVisible(await this.rlsClient(), info, info.primaryKey.map((c) => change.record?.[c.name] ?? null), passed);
        report.rlsMs += performance.now() - started;
        report.rlsChecks += passed.length;
      }
      if (visible.length === 0) continue;
      const data = changeData(change, info, role, record, oldRecord, tooLarge);
      if (tooLarge) report.errors = [PAYLOAD_TOO_LARGE];
      for (const s of visible) addDelivery(deliveries, s, data);
    }
    for (const [member, { ids, data }] of deliveries) {
      member.push('postgres_changes', { ids, data });
      report.delivered += ids.length;
    }
    return report;
  }

  /** Realtime's errors instead of a record: no primary key, or a role that cannot read it. */
  private refusal(change: WalChange, info: RelationInfo, role: ApiRole): string | undefined {
    if (change.type === 'DELETE') return undefined;
    if (info.primaryKey.length === 0) return NO_PRIMARY_KEY;
    if (!info.primaryKey.every((c) => info.selectable[role].has(c.name))) return UNAUTHORIZED;
    return undefined;
  }
}

/** The `data` of a postgres_changes message as one role sees it (facts §1). */
function changeData(change: WalChange, info: RelationInfo, role: ApiRole, record: Record<string, unknown> | null, oldRecord: Record<string, unknown> | null, tooLarge: boolean): Record<string, unknown> {
  const selectable = info.selectable[role];
  const visible = (row: Record<string, unknown> | null, keep: (name: string) => boolean = () => true) =>
    Object.fromEntries(Object.entries(row ?? {}).filter(([name]) => selectable.has(name) && keep(name)));
  const primaryKey = new Set(info.primaryKey.map((c) => c.name));
  const data: Record<string, unknown> = {
    schema: change.schema,
    table: change.table,
    commit_timestamp: new Date(change.commitMs).toISOString(),
    type: change.type,
    columns: info.columns.filter((c) => selectable.has(c.name)),
    errors: tooLarge ? [PAYLOAD_TOO_LARGE] : null,
  };
  if (change.type !== 'DELETE') data.record = visible(record);
  if (change.type === 'UPDATE') data.old_record = visible(oldRecord);
  // With RLS on, a DELETE is not checked against policies, so only its key is sent.
  if (change.type === 'DELETE') data.old_record = visible(oldRecord, (name) => !info.rlsEnabled || primaryKey.has(name));
  return data;
}

function keepSmallValues(row: Record<string, unknown> | null): Record<string, unknown> | null {
  return row && Object.fromEntries(Object.entries(row).filter(([, value]) => Buffer.byteLength(JSON.stringify(value)) <= KEPT_VALUE_BYTES));
}

function groupByRole(subscriptions: ChangeSubscription[]): Map<ApiRole, ChangeSubscription[]> {
  const groups = new Map<ApiRole, ChangeSubscription[]>();
  for (const s of subscriptions) {
    const group = groups.get(s.member.auth.role);
    if (group) group.push(s);
    else groups.set(s.member.auth.role, [s]);
  }
  return groups;
}

function addDelivery(deliveries: Map<ChannelMember, { ids: number[]; data: Record<string, unknown> }>, s: ChangeSubscription, data: Record<string, unknown>): void {
  const entry = deliveries.get(s.member);
  if (entry) entry.ids.push(s.id);
  else deliveries.set(s.member, { ids: [s.id], data });
}
