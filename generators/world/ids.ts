import { runTextIdPrefix, runUuid } from '../runUuid.ts';
import { TABLE_CODES } from '../types.ts';

/**
 * Id makers with the run tag and table code formatted once. `idMaker(tag, table)(n)` returns
 * exactly `runUuid(tag, TABLE_CODES[table], n)` (a test holds them equal), but costs one
 * padStart per row instead of three.
 */
export function idMaker(runTag: number, table: keyof typeof TABLE_CODES): (sequence: number) => string {
  const prefix = runUuid(runTag, TABLE_CODES[table], 0).slice(0, 24);
  return (sequence) => prefix + sequence.toString(16).padStart(12, '0');
}

/** The auth user id (= profiles.user_id) of user sequence n: GOMs first, then buyer accounts. */
export function userIdOf(runTag: number, userSequence: number): string {
  return runUuid(runTag, TABLE_CODES['auth.users'], userSequence);
}

export { runTextIdPrefix };

/** Lower-case hex of the run tag, 8 digits: used to keep e-mails, usernames and slugs unique across runs. */
export function runTagHex(runTag: number): string {
  return (runTag >>> 0).toString(16).padStart(8, '0');
}
