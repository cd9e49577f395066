import { randomBytes } from 'node:crypto';

/** Phoenix Presence's wire shape: key → {metas: [{phx_ref, …tracked payload}]}. */
export type PresenceMap = Record<string, { metas: Record<string, unknown>[] }>;

export interface PresenceDiff {
  joins: PresenceMap;
  leaves: PresenceMap;
}

interface Entry {
  key: string;
  meta: Record<string, unknown>;
}

/**
 * The presences of one topic. Each joined channel tracks at most one meta under its key; a
 * second track replaces it (a leave of the old meta and a join of the new one, the new one
 * naming the old as phx_ref_prev, as Phoenix Presence does).
 */
export class PresenceState {
  private readonly byMember = new Map<object, Entry>();

  track(member: object, key: string, payload: Record<string, unknown>): PresenceDiff {
    const previous = this.byMember.get(member);
    const meta: Record<string, unknown> = { ...payload, phx_ref: phxRef() };
    if (previous && previous.key === key) meta.phx_ref_prev = previous.meta.phx_ref;
    this.byMember.set(member, { key, meta });
    return { joins: { [key]: { metas: [meta] } }, leaves: previous ? { [previous.key]: { metas: [previous.meta] } } : {} };
  }

  /** Undefined when the member tracked nothing. */
  untrack(member: object): PresenceDiff | undefined {
    const previous = this.byMember.get(member);
    if (!previous) return undefined;
    this.byMember.delete(member);
    return { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } };
  }

  get size(): number {
    return this.byMember.size;
  }

  state(): PresenceMap {
    const state: PresenceMap = {};
    for (const { key, meta } of this.byMember.values()) (state[key] ??= { metas: [] }).metas.push(meta);
    return state;
  }
}

/** Phoenix refs are short random strings, unique per tracked meta. */
function phxRef(): string {
  return randomBytes(6).toString('base64url');
}
