import type { Random } from '../../../generators/random.ts';

/** The app's limit per proof file (PaymentProofUpload.tsx: ≤10 MB, image/* or application/pdf). */
export const PROOF_LIMIT_BYTES = 10 * 1024 * 1024;
const MB = 1024 * 1024;

/** Size classes the report groups uploads and downloads by, smallest first. */
export const SIZE_CLASSES = ['<0.5 MB', '0.5–1 MB', '1–3 MB', '3–10 MB', '>10 MB'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export interface ProofFile {
  size: number;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  ext: 'jpg' | 'png' | 'pdf';
}

export function sizeClassOf(size: number): SizeClass {
  if (size < 0.5 * MB) return '<0.5 MB';
  if (size < MB) return '0.5–1 MB';
  if (size < 3 * MB) return '1–3 MB';
  if (size <= PROOF_LIMIT_BYTES) return '3–10 MB';
  return '>10 MB';
}

/**
 * One payment proof as buyers send them (gomflow-traffic.md §3, sizes an assumption there):
 * 85 % phone screenshots, log-normal around 0.6 MB and kept to 0.1–3 MB, JPEG twice as often
 * as PNG; 5 % a tail up to the 10 MB limit (full-resolution photos); 10 % PDFs (bank slips).
 */
export function pickProofFile(random: Random): ProofFile {
  const roll = random.next();
  if (roll < 0.1) return { size: Math.round((0.05 + random.next() * 0.95) * MB), mime: 'application/pdf', ext: 'pdf' };
  const image = random.chance(2 / 3) ? ({ mime: 'image/jpeg', ext: 'jpg' } as const) : ({ mime: 'image/png', ext: 'png' } as const);
  if (roll < 0.15) return { ...image, size: Math.round(3 * MB + random.next() * (PROOF_LIMIT_BYTES - 3 * MB)) };
  // Box–Muller: a standard normal from two uniforms; 1 - next() keeps log() away from 0.
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const size = Math.exp(Math.log(0.6 * MB) + 0.7 * normal);
  return { ...image, size: Math.round(Math.min(3 * MB, Math.max(0.1 * MB, size))) };
}
