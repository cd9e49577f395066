import type { PhoenixMessage, UserBroadcast } from './phoenixMessage.ts';
import type { ChannelAuth } from './realtimeAuth.ts';

/** One postgres_changes binding of a joined channel: a row of Realtime's realtime.subscription. */
export interface ChangeSubscription {
  /** The integer the join reply gave the client for this binding. */
  id: number;
  member: ChannelMember;
  event: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  schema: string;
  /** '*' for every table of the schema. */
  table: string;
  filter?: import('./postgresChangesFilter.ts').ChangeFilter;
}

/** A channel one socket joined: what the hub needs to reach it and to decide what it may see. */
export interface ChannelMember {
  topic: string;
  joinRef: string | null;
  auth: ChannelAuth;
  broadcast: { self: boolean; ack: boolean };
  presence: { key: string; enabled: boolean };
  subscriptions: ChangeSubscription[];
  /** Sends a message on this channel (the socket's serializer). */
  push: (event: string, payload: Record<string, unknown>) => void;
  /** Sends a user broadcast (a binary frame on vsn 2.0.0); false when it cannot be carried. */
  pushBroadcast: (broadcast: UserBroadcast) => boolean;
  reply: (request: PhoenixMessage, status: 'ok' | 'error', response: Record<string, unknown>) => void;
}
