

/**
 * Stateless noise for random access: the value at (base, minute, slot) can be recomputed
 * anywhere, which lets alerts re-derive a metric's value without holding the metric rows.
 */
export function noise(base: number, minute: number, slot: number): number {
  let x = (base + Math.imul(minute, 0x27d4eb2d)) | 0;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca6b);
  x ^= Math.imul(slot + 1, 0x165667b1);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/** Rounds to 2 decimals, the precision the services report. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
