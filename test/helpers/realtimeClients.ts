import { randomBytes } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { WebSocket as UndiciWebSocket } from 'undici';
import WebSocket from 'ws';
import type { LocalApiHarness } from './localApiHarness.ts';

type Transport = NonNullable<NonNullable<Parameters<typeof createClient>[2]>['realtime']>['transport'];

/** A supabase-js client whose realtime speaks the given serializer (2.0.0 is realtime-js's default). */
export function realtimeClient(h: LocalApiHarness, options: { vsn?: '1.0.0' | '2.0.0'; key?: string } = {}): SupabaseClient {
  return createClient(h.api.url, options.key ?? h.keys.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: UndiciWebSocket as unknown as Transport, ...(options.vsn ? { vsn: options.vsn } : {}) },
  });
}

/** Subscribes and resolves on SUBSCRIBED; rejects with the channel's error otherwise. */
export function subscribed(channel: RealtimeChannel): Promise<RealtimeChannel> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve(channel);
      else if (status !== 'CLOSED') reject(error ?? new Error(status));
    });
  });
}

/**
 * Resolves once everything the server sent this client's socket before now has arrived: an
 * acknowledged broadcast on a channel of the same socket comes back after it (TCP keeps order).
 * This is how a test knows a message it expects NOT to get was never sent.
 */
export async function socketBarrier(client: SupabaseClient): Promise<void> {
  const channel = client.channel(`barrier-${randomBytes(4).toString('hex')}`, { config: { broadcast: { ack: true } } });
  await subscribed(channel);
  const status = await channel.send({ type: 'broadcast', event: 'barrier', payload: {} });
  await client.removeChannel(channel);
  if (status !== 'ok') throw new Error(`barrier broadcast: ${status}`);
}

/** A bare Phoenix socket (vsn 1.0.0 JSON objects), as a lean load driver would speak it. */
export interface RawPhoenixSocket {
  received: { topic: string; event: string; payload: Record<string, unknown>; ref: string | null }[];
  push: (topic: string, event: string, payload: Record<string, unknown>) => string;
  /** Resolves with the reply to the push with that ref. */
  reply: (ref: string) => Promise<{ status: string; response: Record<string, unknown> }>;
  close: () => void;
}

export async function openRawSocket(h: LocalApiHarness): Promise<RawPhoenixSocket> {
  const ws = new WebSocket(`${h.api.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${h.keys.anonKey}&vsn=1.0.0`);
  const received: RawPhoenixSocket['received'] = [];
  const waiting = new Map<string, (reply: { status: string; response: Record<string, unknown> }) => void>();
  const replies = new Map<string, { status: string; response: Record<string, unknown> }>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.event === 'phx_reply') {
      replies.set(message.ref, message.payload);
      waiting.get(message.ref)?.(message.payload);
    }
    received.push(message);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let ref = 0;
  return {
    received,
    push: (topic, event, payload) => {
      const id = String(++ref);
      ws.send(JSON.stringify({ topic, event, payload, ref: id, join_ref: event === 'phx_join' ? id : null }));
      return id;
    },
    reply: (id) => new Promise((resolve) => (replies.has(id) ? resolve(replies.get(id)!) : waiting.set(id, resolve))),
    close: () => ws.close(),
  };
}
