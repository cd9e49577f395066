/** The two serializers Realtime speaks (facts §1): 1.0.0 JSON objects, 2.0.0 JSON arrays plus binary user broadcasts. */
export type Vsn = '1.0.0' | '2.0.0';

export const VSNS: readonly Vsn[] = ['1.0.0', '2.0.0'];

/** One Phoenix message, as both serializers carry it. */
export interface PhoenixMessage {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A user broadcast as the binary frames carry it: the user payload is JSON or raw bytes. */
export interface UserBroadcast {
  topic: string;
  event: string;
  payload: unknown;
  /** True when the payload is raw bytes (encoding 0), false for JSON (encoding 1). */
  binary: boolean;
  /** Metadata JSON text, '' when none. */
  metadata: string;
}

/** Encodes a text frame in the socket's serializer. */
export function encodeMessage(message: PhoenixMessage, vsn: Vsn): string {
  if (vsn === '1.0.0') return JSON.stringify(message);
  return JSON.stringify([message.join_ref, message.ref, message.topic, message.event, message.payload]);
}

/** Decodes a text frame; undefined when it is not a message of the socket's serializer. */
export function decodeMessage(text: string, vsn: Vsn): PhoenixMessage | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length !== 5) return undefined;
    const [join_ref, ref, topic, event, payload] = parsed as unknown[];
    return shaped({ join_ref, ref, topic, event, payload });
  }
  return typeof parsed === 'object' && parsed !== null ? shaped(parsed as Record<string, unknown>) : undefined;
}

function shaped(raw: Record<string, unknown>): PhoenixMessage | undefined {
  const { join_ref, ref, topic, event, payload } = raw;
  if (typeof topic !== 'string' || typeof event !== 'string') return undefined;
  return {
    join_ref: typeof join_ref === 'string' ? join_ref : null,
    ref: typeof ref === 'string' ? ref : null,
    topic,
    event,
    payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {},
  };
}
