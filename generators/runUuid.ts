/**
 * Seeded rows carry their run in their id: `RRRRRRRR-TTTT-8000-8000-SSSSSSSSSSSS`, a UUIDv8
 * whose first 32 bits are the run tag, the next 16 the table code and the last 48 a sequence
 * number. One run's rows of a table are therefore one contiguous primary-key range, which
 * `seed clean` deletes with an index range scan and which never holds a row the run did not
 * create (gen_random_uuid() ids have version nibble 4, never 8).
 */
export function runUuid(runTag: number, tableCode: number, sequence: number): string {
  return `${hex(runTag, 8)}-${hex(tableCode, 4)}-8000-8000-${hex(sequence, 12)}`;
}

/** The [lowest, highest] id a run can have in a table, for range deletes. */
export function runUuidRange(runTag: number, tableCode: number): [string, string] {
  const prefix = `${hex(runTag, 8)}-${hex(tableCode, 4)}-8000-8000-`;
  return [`${prefix}000000000000`, `${prefix}ffffffffffff`];
}

/** Text ids (analytics_aggregations.id) carry the run the same way, as a prefix. */
export function runTextIdPrefix(runTag: number): string {
  return `seed-${hex(runTag, 8)}-`;
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}
