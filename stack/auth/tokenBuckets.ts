import { refill, type TokenBucket } from '../../core/tokenBucket.ts';

/**
 * GoTrue's limit on POST /token (password and refresh_token grants): a token bucket per client
 * IP that refills at `perFiveMinutes` / 300 s and holds `burst` (AU internal/api/options.go:
 * tollbooth.NewLimiter(RateLimitTokenRefresh/(60*5)).SetBurst(30); RATE_LIMIT_TOKEN_REFRESH
 * defaults to 150, Supabase's docs: 1800 an hour with bursts up to 30).
 */
export interface TokenRateLimit {
  perFiveMinutes: number;
  burst: number;
}

/** GoTrue's burst on /token; the local stack uses it unless a test asks for a smaller one. */
export const GOTRUE_TOKEN_BURST = 30;

export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly perMs: number;

  constructor(readonly limit: TokenRateLimit) {
    this.perMs = limit.perFiveMinutes / 300_000;
  }

  /** Takes one token from `key`'s bucket at `nowMs`; false when it is empty (GoTrue answers 429). */
  take(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, atMs: nowMs };
    refill(bucket, nowMs, this.perMs, this.limit.burst);
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
