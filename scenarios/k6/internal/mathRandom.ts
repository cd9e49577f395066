import type { Random } from '../../../generators/random.ts';

/**
 * The engine's Random over Math.random: a k6 VU is its own runtime with nothing shared, and
 * the seeded generators (generators/random.ts) would only make every VU pick the same journeys.
 */
export const mathRandom: Random = {
  next: () => Math.random(),
  int: (min, max) => min + Math.floor(Math.random() * (max - min + 1)),
  chance: (p) => Math.random() < p,
  pick: (items) => items[Math.floor(Math.random() * items.length)]!,
};
