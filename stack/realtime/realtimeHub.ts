import { EventEmitter } from 'node:events';
import pg from 'pg';
import { openChangeStream, type ChangeStream } from './changeStream.ts';
import { ChangeFanout, type ChangeReport, type FanoutLimits } from './changeFanout.ts';
import type { ChangeSubscription, ChannelMember } from './channelMember.ts';
import type { UserBroadcast } from './phoenixMessage.ts';
import { PresenceState, type PresenceDiff } from './presenceState.ts';
import { RelationCatalog } from './relationCatalog.ts';
import { replicationSlotName } from './replicationSlotName.ts';
import type { WalChange } from './walChange.ts';

/** Realtime reads only this publication's tables (facts §1). */
export const REALTIME_PUBLICATION = 'supabase_realtime';
/** How long close() waits for PostgreSQL to drop the temporary slot after its connection ended. */
const SLOT_RELEASE_MS = 5000;

/** Counters a load driver reads to account for every change. */
export interface RealtimeStats {
  /** Changes read from the slot. */
  changesRead: number;
  /** Skipped over the events-per-second limit. */
  changesSkipped: number;
  rlsChecks: number;
  rlsMs: number;
  /** postgres_changes deliveries (one per subscription reached). */
  deliveries: number;
  broadcastsSent: number;
  /** Broadcasts with a binary payload that a vsn 1.0.0 socket cannot carry. */
  broadcastsUndeliverable: number;
  /** Whether the replication slot exists now. */
  slotOpen: boolean;
}

export interface RealtimeHubEvents {
  change: [ChangeReport];
  skipped: [WalChange];
}

/**
 * The server side shared by all sockets: channel membership per topic, broadcast and presence
 * fan-out, and postgres_changes from one slot opened with the first subscription.
 */
export class RealtimeHub extends EventEmitter<RealtimeHubEvents> {
  readonly slotName = replicationSlotName();
  private readonly topics = new Map<string, Set<ChannelMember>>();
  private readonly presences = new Map<string, PresenceState>();
  private readonly fanout: ChangeFanout;
  readonly catalog: RelationCatalog;
  private client: Promise<pg.Client> | undefined;
  private stream: Promise<ChangeStream> | undefined;
  private nextSubscriptionId = 1;
  private closed = false;
  private readonly counters = { changesRead: 0, changesSkipped: 0, rlsChecks: 0, rlsMs: 0, deliveries: 0, broadcastsSent: 0, broadcastsUndeliverable: 0 };

  constructor(
    private readonly databaseUrl: string,
    limits: FanoutLimits,
    private readonly log: (line: string) => void,
  ) {
    super();
    this.catalog = new RelationCatalog(() => this.rlsClient());
    this.fanout = new ChangeFanout(this.catalog, () => this.rlsClient(), limits, {
      change: (report) => {
        this.counters.rlsChecks += report.rlsChecks;
        this.counters.rlsMs += report.rlsMs;
        this.counters.deliveries += report.delivered;
        this.emit('change', report);
      },
      skipped: (change) => {
        this.counters.changesSkipped += 1;
        this.emit('skipped', change);
      },
      failed: (error) => this.log(`realtime: a change could not be delivered: ${error.message}`),
    });
  }

  stats(): RealtimeStats {
    return { ...this.counters, slotOpen: this.stream !== undefined };
  }

  /** Resolves when every change read so far has been delivered or dropped. */
  idle(): Promise<void> {
    return this.fanout.idle();
  }

  join(member: ChannelMember): void {
    let members = this.topics.get(member.topic);
    if (!members) this.topics.set(member.topic, (members = new Set()));
    members.add(member);
  }

  /** Ends a membership: its subscriptions and its presence go with it. */
  leave(member: ChannelMember): void {
    this.unsubscribe(member);
    this.untrack(member);
    const members = this.topics.get(member.topic);
    members?.delete(member);
    if (members?.size === 0) this.topics.delete(member.topic);
  }

  /** The next binding id (integers, as Realtime assigns them at join). */
  subscriptionId(): number {
    return this.nextSubscriptionId++;
  }

  /** Registers a member's bindings, opening the slot first so nothing committed after the join reply is missed. */
  async subscribe(subscriptions: ChangeSubscription[]): Promise<void> {
    if (subscriptions.length === 0) return;
    await this.changeStream();
    for (const s of subscriptions) this.fanout.subscriptions.add(s);
  }

  unsubscribe(member: ChannelMember): void {
    for (const s of member.subscriptions) this.fanout.subscriptions.delete(s);
  }

  broadcast(from: ChannelMember, broadcast: UserBroadcast): void {
    for (const member of this.topics.get(from.topic) ?? []) {
      if (member === from && !from.broadcast.self) continue;
      if (member.pushBroadcast(broadcast)) this.counters.broadcastsSent += 1;
      else this.counters.broadcastsUndeliverable += 1;
    }
  }

  presenceState(topic: string): PresenceState {
    let state = this.presences.get(topic);
    if (!state) this.presences.set(topic, (state = new PresenceState()));
    return state;
  }

  track(member: ChannelMember, payload: Record<string, unknown>): void {
    this.presenceDiff(member.topic, this.presenceState(member.topic).track(member, member.presence.key, payload));
  }

  untrack(member: ChannelMember): void {
    const state = this.presences.get(member.topic);
    const diff = state?.untrack(member);
    if (diff) this.presenceDiff(member.topic, diff);
    if (state?.size === 0) this.presences.delete(member.topic);
  }

  private presenceDiff(topic: string, diff: PresenceDiff): void {
    for (const member of this.topics.get(topic) ?? []) {
      if (member.presence.enabled) member.push('presence_diff', { ...diff });
    }
  }

  private rlsClient(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'gomflow realtime rls' });
      client.on('error', (error) => this.log(`realtime: RLS connection lost: ${error.message}`));
      await client.connect();
      return client;
    })();
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  private changeStream(): Promise<ChangeStream> {
    if (this.closed) return Promise.reject(new Error('the realtime server is closing'));
    this.stream ??= openChangeStream({
      databaseUrl: this.databaseUrl,
      slotName: this.slotName,
      publication: REALTIME_PUBLICATION,
      onChange: (change) => {
        this.counters.changesRead += 1;
        this.fanout.accept(change);
      },
      onRelation: (schema, table) => this.catalog.forget(schema, table),
      log: this.log,
    }).then((stream) => {
      this.log(`realtime: replication slot ${this.slotName} opened (temporary, pgoutput, publication ${REALTIME_PUBLICATION})`);
      return stream;
    });
    this.stream.catch(() => (this.stream = undefined));
    return this.stream;
  }

  /**
   * Drops the slot (by ending its connection: it is temporary) and waits until PostgreSQL has
   * let it go, then ends the RLS connection.
   */
  async close(): Promise<void> {
    this.closed = true;
    const stream = await this.stream?.catch(() => undefined);
    if (stream) {
      await stream.close();
      const client = await this.rlsClient();
      const deadline = Date.now() + SLOT_RELEASE_MS;
      while (Date.now() < deadline && (await client.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [this.slotName])).rowCount) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    const client = await this.client?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }
}
