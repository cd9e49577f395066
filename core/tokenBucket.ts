/** A token bucket's state: the tokens it held at `atMs`. */
export interface TokenBucket {
  tokens: number;
  atMs: number;
}

/**
 * Brings `bucket` forward to `nowMs`: refilled at `perMs` tokens a millisecond, holding at most
 * `burst`. The one rule behind both GoTrue's per-IP limit (the local /auth/v1) and the sign-in
 * pacer that keeps under it.
 */
export function refill(bucket: TokenBucket, nowMs: number, perMs: number, burst: number): void {
  bucket.tokens = Math.min(burst, bucket.tokens + (nowMs - bucket.atMs) * perMs);
  bucket.atMs = nowMs;
}
