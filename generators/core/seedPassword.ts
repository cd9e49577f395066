import bcrypt from 'bcryptjs';
import { rngFor } from '../random.ts';

/** Every seeded user signs in with this password (documented in the README's seed section). */
export const SEED_PASSWORD = 'gomflow-seed-password';

const cache = new Map<number, string>();

/**
 * The one bcrypt hash all seeded auth users share, computed once per seed (~70 ms at cost 10,
 * which per row would be hours). bcrypt draws a random salt by default, which would make every
 * run's COPY stream differ; the 16 salt bytes are drawn from the seed instead.
 */
export function seedPasswordHash(seed: number): string {
  let hash = cache.get(seed);
  if (!hash) {
    const rng = rngFor(seed, 'bcrypt-salt');
    const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
    hash = bcrypt.hashSync(SEED_PASSWORD, `$2a$10$${bcrypt.encodeBase64(bytes, 16)}`);
    cache.set(seed, hash);
  }
  return hash;
}
