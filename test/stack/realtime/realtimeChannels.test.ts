import { spawnSync } from 'node:child_process';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '../../../stack/server/startLocalApi.ts';
import { startTestApi, type LocalApiHarness } from '../../helpers/localApiHarness.ts';
import { openRawSocket, realtimeClient, subscribed, type RawPhoenixSocket } from '../../helpers/realtimeClients.ts';
import { waitFor } from '../../helpers/seedSessions.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testCluster.ts';

/** The Phoenix side of the local /realtime/v1: both serializers, broadcast, presence, many sockets. */
describe('local /realtime/v1 channels: serializers, broadcast, presence', () => {
  let db: TestDatabase;
  let h: LocalApiHarness;
  const clients: SupabaseClient[] = [];
  const raws: RawPhoenixSocket[] = [];
  const client = (vsn?: '1.0.0' | '2.0.0') => {
    const made = realtimeClient(h, { key: h.keys.serviceRoleKey, ...(vsn ? { vsn } : {}) });
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    db = await createTestDatabase('rt_channels');
    h = await startTestApi(db.url);
  });

  afterAll(async () => {
    for (const raw of raws) raw.close();
    for (const made of clients) await made.removeAllChannels();
    await h?.api.close();
    await db?.drop();
  });

  it('a client pinned to vsn 1.0.0 and one on the default 2.0.0 both receive changes and each other’s broadcasts', async () => {
    const seen = { v1: [] as unknown[], v2: [] as unknown[] };
    const heard = { v1: [] as unknown[], v2: [] as unknown[] };
    const channels: Record<'v1' | 'v2', RealtimeChannel> = {} as never;
    for (const [name, made] of [['v1', client('1.0.0')], ['v2', client()]] as const) {
      expect(made.realtime.vsn).toBe(name === 'v1' ? '1.0.0' : '2.0.0');
      channels[name] = await subscribed(
        made
          .channel('analytics-room')
          .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'analytics_events' }, (payload) => seen[name].push(payload.new))
          .on('broadcast', { event: 'cursor' }, (message) => heard[name].push(message.payload)),
      );
    }
    const { rows } = await db.client.query<{ id: string }>(`INSERT INTO analytics_events (event_type, event_data) VALUES ('user_login', '{"via": "rt-test"}') RETURNING id`);
    await waitFor('both clients to receive the INSERT', async () => seen.v1.length === 1 && seen.v2.length === 1);
    for (const received of [seen.v1, seen.v2]) expect(received[0]).toMatchObject({ id: rows[0]!.id, event_type: 'user_login', event_data: { via: 'rt-test' }, user_id: null });
    expect(await channels.v1.send({ type: 'broadcast', event: 'cursor', payload: { from: 'v1', x: 1 } })).toBe('ok');
    expect(await channels.v2.send({ type: 'broadcast', event: 'cursor', payload: { from: 'v2', x: 2 } })).toBe('ok');
    await waitFor('each to hear the other', async () => heard.v1.length === 1 && heard.v2.length === 1);
    // self is off by default: each hears only the other.
    expect(heard).toEqual({ v1: [{ from: 'v2', x: 2 }], v2: [{ from: 'v1', x: 1 }] });
    for (const channel of Object.values(channels)) await channel.unsubscribe();
  });

  it('answers heartbeats on topic phoenix and refuses pushes to a topic not joined', async () => {
    const raw = await openRawSocket(h);
    raws.push(raw);
    expect(await raw.reply(raw.push('phoenix', 'heartbeat', {}))).toEqual({ status: 'ok', response: {} });
    expect(await raw.reply(raw.push('realtime:never-joined', 'broadcast', { type: 'broadcast', event: 'x', payload: {} }))).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
  });

  it('drops, at start, a slot of ours whose server process is gone', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = `gomflow_rt_${deadPid}_0000dead`;
    await db.client.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [stale]);
    const lines: string[] = [];
    const second = await startLocalApi({ databaseUrl: db.url, jwtSecret: h.secret, port: 0, pool: { min: 0, max: 1, idleTimeoutMs: 1000 }, log: (line) => lines.push(line) });
    await second.close();
    expect((await db.client.query(`SELECT 1 FROM pg_replication_slots WHERE slot_name = $1`, [stale])).rows).toEqual([]);
    expect(lines).toContain(`realtime: dropped replication slot ${stale}, left by a server process that is gone`);
  });

  it('500 clients on one topic each receive one broadcast, and presence sync shows every tracked client', async () => {
    const topic = 'realtime:drop-room';
    const watchers = [client('1.0.0'), client(), client()];
    const watcherChannels: RealtimeChannel[] = [];
    const watcherHeard: unknown[][] = watchers.map(() => []);
    for (const [i, made] of watchers.entries()) {
      const channel = made
        .channel('drop-room', { config: { presence: { key: `watcher-${i}` }, broadcast: { ack: true } } })
        .on('presence', { event: 'sync' }, () => undefined)
        .on('broadcast', { event: 'drop' }, (message) => watcherHeard[i]!.push(message.payload));
      watcherChannels.push(await subscribed(channel));
      expect(await channel.track({ role: 'watcher' })).toBe('ok');
    }
    const rawCount = 500 - watchers.length;
    const rawSockets = await Promise.all(Array.from({ length: rawCount }, () => openRawSocket(h)));
    raws.push(...rawSockets);
    await Promise.all(
      rawSockets.map(async (raw, i) => {
        const joined = await raw.reply(raw.push(topic, 'phx_join', { config: { broadcast: { self: false }, presence: { key: `raw-${i}`, enabled: false }, postgres_changes: [] } }));
        expect(joined).toEqual({ status: 'ok', response: { postgres_changes: [] } });
        expect(await raw.reply(raw.push(topic, 'presence', { type: 'presence', event: 'track', payload: { role: 'raw' } }))).toMatchObject({ status: 'ok' });
      }),
    );
    await waitFor('presence sync to show all 500', async () => watcherChannels.every((channel) => Object.keys(channel.presenceState()).length === 500));
    expect(watcherChannels[0]!.presenceState()['raw-7']).toEqual([expect.objectContaining({ role: 'raw', presence_ref: expect.any(String) })]);

    const sentBefore = h.api.realtime.stats().broadcastsSent;
    // Sent by a 2.0.0 client as a binary frame; 1.0.0 sockets get it as JSON, 2.0.0 ones as a binary frame.
    expect(await watcherChannels[1]!.send({ type: 'broadcast', event: 'drop', payload: { item: 'album', left: 42 } })).toBe('ok');
    const broadcastsOf = (raw: RawPhoenixSocket) => raw.received.filter((m) => m.event === 'broadcast');
    await waitFor('every raw socket to receive the broadcast', async () => rawSockets.every((raw) => broadcastsOf(raw).length > 0));
    await waitFor('the other watchers to receive it', async () => watcherHeard[0]!.length > 0 && watcherHeard[2]!.length > 0);
    for (const raw of rawSockets) expect(broadcastsOf(raw)).toEqual([expect.objectContaining({ topic, payload: { type: 'broadcast', event: 'drop', payload: { item: 'album', left: 42 } } })]);
    expect(watcherHeard).toEqual([[{ item: 'album', left: 42 }], [], [{ item: 'album', left: 42 }]]);
    // Everyone on the topic but the sender (self is off).
    expect(h.api.realtime.stats().broadcastsSent - sentBefore).toBe(499);

    // Leaving shows as a presence leave.
    rawSockets[0]!.close();
    await waitFor('the closed socket to leave presence', async () => watcherChannels.every((channel) => !('raw-0' in channel.presenceState())));
    expect(Object.keys(watcherChannels[0]!.presenceState())).toHaveLength(499);
  });
});
