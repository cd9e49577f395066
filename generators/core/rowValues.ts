/** A timestamp column value: NaN (no time) becomes NULL. */
export function at(ms: number): Date | null {
  return ms === ms ? new Date(ms) : null;
}
