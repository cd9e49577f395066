import type { PhoenixMessage, UserBroadcast } from './phoenixMessage.ts';

/** realtime-js serializer kinds: 3 a client's broadcast push, 4 a broadcast to a client. */
const USER_BROADCAST_PUSH = 3;
const USER_BROADCAST = 4;
const BINARY_ENCODING = 0;
const JSON_ENCODING = 1;

/**
 * Reads a kind-3 frame as realtime-js writes it: kind, the lengths of join_ref, ref, topic,
 * event and metadata, the payload encoding, those strings, then the user payload.
 * Undefined for any other kind or a truncated frame.
 */
export function decodeUserBroadcastPush(frame: Buffer): { message: PhoenixMessage; broadcast: UserBroadcast } | undefined {
  if (frame.length < 7 || frame[0] !== USER_BROADCAST_PUSH) return undefined;
  const lengths = [frame[1]!, frame[2]!, frame[3]!, frame[4]!, frame[5]!];
  const encoding = frame[6]!;
  let offset = 7;
  const [joinRef, ref, topic, event, metadata] = lengths.map((length) => {
    const text = frame.toString('utf8', offset, offset + length);
    offset += length;
    return text;
  }) as [string, string, string, string, string];
  if (offset > frame.length) return undefined;
  const body = frame.subarray(offset);
  let payload: unknown;
  if (encoding === JSON_ENCODING) {
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  } else {
    payload = Buffer.from(body);
  }
  const broadcast: UserBroadcast = { topic, event, payload, binary: encoding === BINARY_ENCODING, metadata };
  return {
    message: { join_ref: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload: { type: 'broadcast', event, payload } },
    broadcast,
  };
}

/** Writes a kind-4 frame as realtime-js reads it: kind, topic/event/metadata lengths, encoding, strings, payload. */
export function encodeUserBroadcast(broadcast: UserBroadcast): Buffer {
  const topic = Buffer.from(broadcast.topic, 'utf8');
  const event = Buffer.from(broadcast.event, 'utf8');
  const metadata = Buffer.from(broadcast.metadata, 'utf8');
  const body = broadcast.binary ? (broadcast.payload as Buffer) : Buffer.from(JSON.stringify(broadcast.payload ?? {}), 'utf8');
  const header = Buffer.from([USER_BROADCAST, topic.length, event.length, metadata.length, broadcast.binary ? BINARY_ENCODING : JSON_ENCODING]);
  return Buffer.concat([header, topic, event, metadata, body]);
}
