import type { Country, Currency } from '../locale/country.ts';

/** `analytics_events.event_type` values this model emits (all from the table's CHECK list). */
export type EventType =
  | 'order_created' | 'order_deadline_reached' | 'order_goal_reached' | 'order_completed'
  | 'submission_created' | 'submission_updated' | 'submission_payment_uploaded' | 'submission_payment_verified'
  | 'submission_payment_rejected' | 'user_registered' | 'user_login' | 'platform_message_sent'
  | 'platform_message_received' | 'api_error' | 'payment_error';

export type EventPlatform = 'web' | 'mobile' | 'discord' | 'telegram' | 'whatsapp';

export interface EventDraft {
  readonly type: EventType;
  readonly userId: string | null;
  readonly orderId: string | null;
  readonly submissionId: string | null;
  readonly guildId: string | null;
  readonly platform: EventPlatform;
  readonly country: Country;
  readonly currency: Currency;
  /** event_data as JSON text. */
  readonly data: string;
  readonly sessionId: string | null;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly atMs: number;
}

export interface SessionDraft {
  readonly sessionId: string;
  readonly userId: string | null;
  readonly platform: EventPlatform;
  readonly country: Country;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly startedMs: number;
  /** NaN while the session is still open at the reference date. */
  readonly endedMs: number;
  readonly pageViews: number;
  /** Events carrying this session_id. */
  readonly actions: number;
}

/** One chunk of activity: sessions and the events inside (or outside) them. */
export interface Activity {
  readonly sessions: SessionDraft[];
  readonly events: EventDraft[];
}

/**
 * An event with every field in one fixed order (one hidden class). Object spreads here cost
 * more than the rest of the funnel together at a million submissions.
 */
export function ev(
  type: EventType, userId: string | null, orderId: string | null, submissionId: string | null, guildId: string | null,
  platform: EventPlatform, country: Country, currency: Currency, data: string,
  sessionId: string | null, userAgent: string | null, ip: string | null, atMs: number,
): EventDraft {
  return { type, userId, orderId, submissionId, guildId, platform, country, currency, data, sessionId, userAgent, ip, atMs };
}

const HEX = '0123456789abcdef';

/**
 * A 32-hex-digit session id, unique per (run, kind, index, slot): the words are bijective
 * mixes of the inputs, so distinct inputs never share an id.
 */
export function sessionKey(runTag: number, kind: number, index: number, slot: number): string {
  return hex8(bij(runTag ^ 0x5f3759df)) + hex8(bij(index)) + hex8(bij((kind << 8) ^ slot ^ 0xa5a5a5)) + hex8(bij(index ^ runTag ^ 0x9e3779b9));
}

function bij(x: number): number {
  x |= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function hex8(x: number): string {
  let s = '';
  for (let i = 28; i >= 0; i -= 4) s += HEX[(x >>> i) & 15];
  return s;
}
