import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type pg from 'pg';
import { WebSocketServer } from 'ws';
import { checkApiKey } from '../server/checkApiKey.ts';
import { LOCAL_API_HEADER, LOCAL_API_HEADER_VALUE } from '../server/localApiBanner.ts';
import type { FanoutLimits } from './changeFanout.ts';
import { VSNS, type Vsn } from './phoenixMessage.ts';
import { serveRealtimeSocket } from './realtimeConnection.ts';
import { RealtimeHub } from './realtimeHub.ts';
import { dropStaleSlots } from './replicationSlotName.ts';

const PATH = '/realtime/v1/websocket';

/** Realtime's limits; Supabase's defaults (100 events/s per tenant, 1 MiB per record) unless set. */
export type RealtimeSettings = FanoutLimits;
export const DEFAULT_REALTIME_SETTINGS: RealtimeSettings = { eventsPerSecond: 100, maxRecordBytes: 1024 * 1024 };

export interface RealtimeServer {
  /** Stats and per-change events for load drivers. */
  hub: RealtimeHub;
  /** Ends every socket, drops the slot. */
  close: () => Promise<void>;
}

/**
 * Serves `/realtime/v1/websocket?apikey=…&vsn=…` on the local API's HTTP server (WebSocket
 * upgrades through `ws`). The apikey is checked as Supabase's gateway does before the socket
 * opens. At start, slots a crashed server of ours left behind are dropped (and logged).
 */
export function attachRealtime(server: http.Server, options: { databaseUrl: string; jwtSecret: string; pool: pg.Pool; settings: RealtimeSettings; log: (line: string) => void }): RealtimeServer {
  const { log } = options;
  const hub = new RealtimeHub(options.databaseUrl, options.settings, log);
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const sweep = dropStaleSlots(options.pool).then(
    (dropped) => {
      for (const name of dropped) log(`realtime: dropped replication slot ${name}, left by a server process that is gone`);
    },
    (error: Error) => log(`realtime: could not look for stale replication slots: ${error.message}`),
  );
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://local');
    if (url.pathname !== PATH) return refuse(socket, 404, { message: 'no Route matched with those values' });
    const vsn = url.searchParams.get('vsn') ?? '1.0.0';
    if (!(VSNS as readonly string[]).includes(vsn)) return refuse(socket, 400, { message: `unsupported vsn ${vsn}; use 1.0.0 or 2.0.0` });
    const apikey = url.searchParams.get('apikey') ?? (request.headers.apikey as string | undefined);
    void checkApiKey(apikey, options.jwtSecret).then((refusal) => {
      if (refusal) return refuse(socket, refusal.status, refusal.body);
      wss.handleUpgrade(request, socket, head, (ws) => serveRealtimeSocket(ws, { hub, jwtSecret: options.jwtSecret, apikey: apikey!, vsn: vsn as Vsn, log }));
    });
  });
  let closing: Promise<void> | undefined;
  return {
    hub,
    close: () =>
      (closing ??= (async () => {
        await sweep;
        for (const ws of wss.clients) ws.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await hub.close();
      })()),
  };
}

function refuse(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 400 ? 'Bad Request' : 'Unauthorized'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n${LOCAL_API_HEADER}: ${LOCAL_API_HEADER_VALUE}\r\nconnection: close\r\n\r\n${text}`,
  );
}
