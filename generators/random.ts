/**
 * Deterministic randomness for the seed. Every entity (a GOM, an order, a submission) gets
 * its own small generator keyed by (seed, kind, index), so any row can be re-derived without
 * reading the database or holding earlier rows in memory, and the same seed always gives the
 * same rows on any machine. sfc32 is used because it is tiny, fast and cheap to construct
 * millions of times; a general-purpose PRNG library adds per-instance overhead we cannot afford.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T;
}

/** 32-bit hash of a seed and keys (string or integer), for keying entity generators. */
export function hashKeys(seed: number, ...keys: readonly (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const key of keys) {
    if (typeof key === 'number') {
      h = mix(h ^ (key >>> 0));
      h = mix(h ^ Math.floor(key / 4294967296));
    } else {
      for (let i = 0; i < key.length; i += 1) h = mix(h ^ key.charCodeAt(i));
    }
  }
  return h >>> 0;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The generator of one entity: rngFor(seed, 'submission', orderIndex, k). */
export function rngFor(seed: number, ...keys: readonly (string | number)[]): Random {
  const h = hashKeys(seed, ...keys);
  return new Sfc32(h, mix(h ^ 0x6a09e667), mix(h ^ 0xbb67ae85), 1);
}

/** sfc32 as a class: building closures per generator costs ~30 % under tsx, which renames every function it creates. */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // Warm up: the first outputs of sfc32 from correlated seeds are correlated.
    for (let i = 0; i < 12; i += 1) this.nextUint();
  }

  private nextUint(): number {
    const a = this.a >>> 0;
    const b = this.b >>> 0;
    const c = this.c >>> 0;
    const d = this.d >>> 0;
    const t = (a + b + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}
