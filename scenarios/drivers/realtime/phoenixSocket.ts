import WebSocket from 'ws';

/** Phoenix's heartbeat interval as realtime-js sends it (facts §1). */
const HEARTBEAT_MS = 25_000;

/** One postgres_changes binding as realtime-js sends it in config.postgres_changes. */
export interface ChangeBinding {
  event: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  schema: string;
  table: string;
  filter?: string;
}

/** A server push on a joined topic (vsn 2.0.0 text frame: [join_ref, ref, topic, event, payload]). */
export type PhoenixPush = (topic: string, event: string, payload: Record<string, unknown>) => void;

export interface JoinReply {
  status: string;
  response: Record<string, unknown>;
}

/**
 * A lean Phoenix client over `ws` speaking vsn 2.0.0 as realtime-js does: JSON array frames,
 * phx_join with the channel's config and access_token, a heartbeat on topic `phoenix`. No
 * reconnect: a load driver counts a lost socket, it does not hide it.
 */
export class PhoenixSocket {
  private ref = 0;
  private readonly replies = new Map<string, (reply: JoinReply) => void>();
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(
    private readonly ws: WebSocket,
    onPush: PhoenixPush,
    onClose: () => void,
  ) {
    ws.on('message', (data, isBinary) => {
      // Binary frames are user broadcasts (kind 4): not what this driver listens for.
      if (isBinary) return;
      const frame = JSON.parse(String(data)) as [string | null, string | null, string, string, Record<string, unknown>];
      const [, ref, topic, event, payload] = frame;
      if (event === 'phx_reply' && ref !== null) {
        const settle = this.replies.get(ref);
        this.replies.delete(ref);
        settle?.(payload as unknown as JoinReply);
        return;
      }
      onPush(topic, event, payload);
    });
    ws.on('close', () => {
      clearInterval(this.heartbeat);
      for (const settle of this.replies.values()) settle({ status: 'error', response: { reason: 'socket closed' } });
      this.replies.clear();
      onClose();
    });
    this.heartbeat = setInterval(() => void this.push('phoenix', 'heartbeat', {}), HEARTBEAT_MS).unref();
  }

  /** Opens `<url>/realtime/v1/websocket?apikey=…&vsn=2.0.0`; rejects when the server refuses or after timeoutMs. */
  static open(url: string, apikey: string, handlers: { onPush: PhoenixPush; onClose: () => void }, timeoutMs = 10_000): Promise<PhoenixSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${encodeURIComponent(apikey)}&vsn=2.0.0`, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new PhoenixSocket(ws, handlers.onPush, handlers.onClose)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => {
        reject(new Error(`realtime refused the socket: HTTP ${response.statusCode}`));
        ws.terminate();
      });
    });
  }

  /** phx_join of `realtime:<channel>`; resolves with the reply (or an error reply after timeoutMs). */
  join(channel: string, config: { postgres_changes: ChangeBinding[] }, accessToken: string, timeoutMs = 10_000): Promise<JoinReply> {
    const payload = { config: { broadcast: { ack: false, self: false }, presence: { key: '', enabled: false }, postgres_changes: config.postgres_changes, private: false }, access_token: accessToken };
    return this.push(`realtime:${channel}`, 'phx_join', payload, timeoutMs, true);
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.ws.terminate();
  }

  private push(topic: string, event: string, payload: Record<string, unknown>, timeoutMs = 10_000, isJoin = false): Promise<JoinReply> {
    if (!this.open) return Promise.resolve({ status: 'error', response: { reason: 'socket not open' } });
    const ref = String(++this.ref);
    this.ws.send(JSON.stringify([isJoin ? ref : null, ref, topic, event, payload]));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.replies.delete(ref);
        resolve({ status: 'timeout', response: { reason: `no reply within ${timeoutMs} ms` } });
      }, timeoutMs);
      this.replies.set(ref, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }
}
