import type { WebSocket } from 'ws';
import type { ChannelMember } from './channelMember.ts';
import { changeSubscriptions, type ChangeBinding } from './joinChannel.ts';
import { decodeMessage, encodeMessage, type PhoenixMessage, type UserBroadcast, type Vsn } from './phoenixMessage.ts';
import { channelAuth } from './realtimeAuth.ts';
import type { RealtimeHub } from './realtimeHub.ts';
import { decodeUserBroadcastPush, encodeUserBroadcast } from './userBroadcastFrame.ts';

export interface ConnectionContext {
  hub: RealtimeHub;
  jwtSecret: string;
  /** The socket's apikey: the token of channels that send no access_token. */
  apikey: string;
  vsn: Vsn;
  log: (line: string) => void;
}

/**
 * One Realtime socket: Phoenix's heartbeat on topic `phoenix`, then per channel topic
 * phx_join, phx_leave, access_token, broadcast and presence, as realtime-js sends them.
 */
export function serveRealtimeSocket(ws: WebSocket, context: ConnectionContext): void {
  const channels = new Map<string, ChannelMember>();
  const send = (message: PhoenixMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeMessage(message, context.vsn));
  };
  const reply = (request: PhoenixMessage, status: 'ok' | 'error', response: Record<string, unknown>) =>
    send({ join_ref: request.join_ref, ref: request.ref, topic: request.topic, event: 'phx_reply', payload: { status, response } });

  const handle = async (message: PhoenixMessage, broadcast?: UserBroadcast): Promise<void> => {
    if (message.topic === 'phoenix' && message.event === 'heartbeat') return reply(message, 'ok', {});
    if (message.event === 'phx_join') return join(message);
    const member = channels.get(message.topic);
    if (!member) return reply(message, 'error', { reason: 'unmatched topic' });
    switch (message.event) {
      case 'phx_leave':
        leave(member);
        reply(message, 'ok', {});
        return member.push('phx_close', {});
      case 'access_token':
        return accessToken(member, message);
      case 'broadcast': {
        context.hub.broadcast(member, broadcast ?? jsonBroadcast(message));
        if (member.broadcast.ack) reply(message, 'ok', {});
        return;
      }
      case 'presence':
        return presence(member, message);
      default:
        return reply(message, 'error', { reason: `unknown event ${message.event}` });
    }
  };

  const join = async (message: PhoenixMessage): Promise<void> => {
    const payload = message.payload;
    const config = (payload.config ?? {}) as Record<string, Record<string, unknown> | unknown>;
    const token = typeof payload.access_token === 'string' ? payload.access_token : context.apikey;
    const auth = await channelAuth(token, context.jwtSecret);
    if ('reason' in auth) return reply(message, 'error', { reason: auth.reason });
    if (config.private === true) return reply(message, 'error', { reason: 'PrivateChannelsUnsupported: the local stack has no realtime.messages authorization; join with private: false' });
    // Phoenix: joining a topic again replaces the earlier channel.
    const previous = channels.get(message.topic);
    if (previous) {
      leave(previous);
      previous.push('phx_close', {});
    }
    const broadcastConfig = (config.broadcast ?? {}) as Record<string, unknown>;
    const presenceConfig = (config.presence ?? {}) as Record<string, unknown>;
    const member: ChannelMember = {
      topic: message.topic,
      joinRef: message.join_ref ?? message.ref,
      auth,
      broadcast: { self: broadcastConfig.self === true, ack: broadcastConfig.ack === true },
      // An empty key gets one of its own, as Realtime gives each untracked-key client a UUID.
      presence: { key: typeof presenceConfig.key === 'string' && presenceConfig.key !== '' ? presenceConfig.key : crypto.randomUUID(), enabled: presenceConfig.enabled === true },
      subscriptions: [],
      push: (event, body) => send({ join_ref: member.joinRef, ref: null, topic: member.topic, event, payload: body }),
      pushBroadcast: (broadcast) => {
        if (context.vsn === '2.0.0') {
          if (ws.readyState === ws.OPEN) ws.send(encodeUserBroadcast(broadcast));
          return true;
        }
        if (broadcast.binary) return false;
        member.push('broadcast', { type: 'broadcast', event: broadcast.event, payload: broadcast.payload });
        return true;
      },
      reply,
    };
    const bindings = Array.isArray(config.postgres_changes) ? (config.postgres_changes as ChangeBinding[]) : [];
    const ids = bindings.map(() => context.hub.subscriptionId());
    const { subscriptions, errors } = await changeSubscriptions(member, bindings, ids, context.hub.catalog);
    member.subscriptions = subscriptions;
    channels.set(message.topic, member);
    context.hub.join(member);
    try {
      await context.hub.subscribe(subscriptions);
    } catch (error) {
      context.log(`realtime: could not open the replication slot: ${(error as Error).message}`);
      leave(member);
      return reply(message, 'error', { reason: 'RealtimeDisabledForTenant: the local stack could not open its replication slot; see the API server log' });
    }
    reply(message, 'ok', { postgres_changes: bindings.map((binding, i) => ({ ...binding, id: ids[i] })) });
    if (member.presence.enabled) member.push('presence_state', context.hub.presenceState(member.topic).state());
    const channel = member.topic.replace(/^realtime:/, '');
    if (subscriptions.length > 0) member.push('system', { extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL', channel });
    for (const error of errors) member.push('system', { extension: 'postgres_changes', status: 'error', message: error, channel });
  };

  const leave = (member: ChannelMember) => {
    if (channels.get(member.topic) === member) channels.delete(member.topic);
    context.hub.leave(member);
  };

  const accessToken = async (member: ChannelMember, message: PhoenixMessage): Promise<void> => {
    const token = message.payload.access_token;
    if (typeof token !== 'string') return;
    const auth = await channelAuth(token, context.jwtSecret);
    if ('reason' in auth) {
      // Realtime tells the channel why and closes it.
      member.push('system', { extension: 'system', status: 'error', message: auth.reason, channel: member.topic.replace(/^realtime:/, '') });
      leave(member);
      return member.push('phx_close', {});
    }
    // Later RLS checks read member.auth, so the new claims apply from the next change on.
    member.auth = auth;
  };

  const presence = (member: ChannelMember, message: PhoenixMessage): void => {
    const { event, payload } = message.payload as { event?: string; payload?: Record<string, unknown> };
    if (event === 'track') context.hub.track(member, payload ?? {});
    else if (event === 'untrack') context.hub.untrack(member);
    else return reply(message, 'error', { reason: `unknown presence event ${String(event)}` });
    reply(message, 'ok', {});
  };

  ws.on('message', (data, isBinary) => {
    const frame = data as Buffer;
    let message: PhoenixMessage | undefined;
    let broadcast: UserBroadcast | undefined;
    if (isBinary) {
      const decoded = context.vsn === '2.0.0' ? decodeUserBroadcastPush(frame) : undefined;
      message = decoded?.message;
      broadcast = decoded?.broadcast;
    } else {
      message = decodeMessage(frame.toString('utf8'), context.vsn);
    }
    if (!message) return context.log('realtime: a frame that is not a Phoenix message was ignored');
    handle(message, broadcast).catch((error: Error) => {
      context.log(`realtime: ${message.event} on ${message.topic} failed: ${error.stack ?? error.message}`);
      reply(message, 'error', { reason: 'local realtime failure; see the API server log' });
    });
  });
  ws.on('close', () => {
    for (const member of channels.values()) context.hub.leave(member);
    channels.clear();
  });
}

/** A JSON broadcast push, `{type: 'broadcast', event, payload}`, as the user broadcast it carries. */
function jsonBroadcast(message: PhoenixMessage): UserBroadcast {
  const { event, payload } = message.payload as { event?: unknown; payload?: unknown };
  return { topic: message.topic, event: String(event ?? ''), payload: payload ?? {}, binary: false, metadata: '' };
}
