import { setTimeout as delay } from 'node:timers/promises';
import { GomflowError } from '../../../core/errors.ts';
import { refill, type TokenBucket } from '../../../core/tokenBucket.ts';

/** How fast personas sign in through /auth/v1 when their tokens cannot be minted (config supabase.signIn). */
export interface SignInPace {
  /** Sustained sign-ins per second. */
  perSecond: number;
  /** Sign-ins sent back to back before the pace applies. */
  burst: number;
  /** The whole sign-in phase, 429 waits included, s. */
  timeoutSeconds: number;
}

/** What signing personas in cost: counted across every driver that shares the endpoint. */
export interface SignInTally {
  /** Personas signed in. */
  signIns: number;
  /** 429 answers (GoTrue's over_request_rate_limit), each retried: not errors. */
  rateLimited: number;
  /** Wall time of the sign-in phases, ms. */
  durationMs: number;
}

/** One sign-in's answer: a token, or GoTrue's 429 with the wait it asked for (Retry-After), if any. */
export type SignInAnswer = { token: string } | { rateLimited: true; retryAfterMs?: number };

/** A persona is given up after this many 429s in a row; the phase's time bound stops it sooner. */
const MAX_ATTEMPTS = 6;
/** Sign-ins in flight at once: a local stack's bcrypt (~50 ms) must not hold a fast pace back. */
const IN_FLIGHT = 4;
const MAX_BACKOFF_MS = 30_000;

interface Bucket extends TokenBucket {
  /** After a 429 every sign-in waits until then. */
  blockedUntil: number;
}

/**
 * Signs personas in at `pace`: a token bucket of `burst` refilled at `perSecond`, so the
 * project's own per-IP bucket (GoTrue: 150 per 5 minutes, burst 30) is not emptied. One pacer
 * serves every driver of a scenario (it lives on the endpoint), so their sign-ins share the
 * bucket. A 429 is counted apart and retried after the Retry-After asked for, else a backoff
 * from the pace doubling per attempt (GoTrue sends none); every sign-in waits behind it.
 * Bounded in attempts per persona and in time: E_AUTH_FAILED (exit 3) when they cannot all be signed in.
 */
export class SignInPacer {
  readonly tally: SignInTally = { signIns: 0, rateLimited: 0, durationMs: 0 };
  private bucket: Bucket | undefined;
  private slots = Promise.resolve();

  constructor(readonly pace: SignInPace) {}

  /** Tokens of `emails` (email → token), signed in by `signIn` at the pace. */
  async signInAll(emails: readonly string[], signIn: (email: string) => Promise<SignInAnswer>): Promise<Map<string, string>> {
    const { pace, tally } = this;
    const tokens = new Map<string, string>();
    if (emails.length === 0) return tokens;
    const needsSeconds = Math.max(0, emails.length - pace.burst) / pace.perSecond;
    if (needsSeconds > pace.timeoutSeconds) {
      throw new GomflowError(
        'E_AUTH_FAILED',
        `signing ${emails.length} personas in at ${pace.perSecond}/s takes about ${Math.ceil(needsSeconds)} s, more than supabase.signIn.timeoutSeconds (${pace.timeoutSeconds} s); set SUPABASE_JWT_SECRET to mint their tokens, or raise the limit`,
      );
    }
    const startedAt = performance.now();
    const deadline = startedAt + pace.timeoutSeconds * 1000;
    const bucket = (this.bucket ??= { tokens: pace.burst, atMs: startedAt, blockedUntil: startedAt });
    const queue = emails.map((email) => ({ email, attempts: 0 }));
    // Slots are handed out one at a time, so the bucket is read and taken without a race.
    const nextSlot = () => (this.slots = this.slots.catch(() => undefined).then(() => takeSlot(bucket, pace, deadline, emails.length - tokens.size)));
    let failed = false;
    const work = async () => {
      for (let item = queue.shift(); item && !failed; item = queue.shift()) {
        await nextSlot();
        const answer = await signIn(item.email);
        if ('token' in answer) {
          tokens.set(item.email, answer.token);
          tally.signIns += 1;
          continue;
        }
        tally.rateLimited += 1;
        item.attempts += 1;
        if (item.attempts >= MAX_ATTEMPTS) {
          throw new GomflowError('E_AUTH_FAILED', `/auth/v1 kept answering 429 over_request_rate_limit: ${MAX_ATTEMPTS} tries for one persona; lower supabase.signIn.perSecond, or set SUPABASE_JWT_SECRET`);
        }
        const backoff = answer.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, Math.max(250, 1000 / pace.perSecond) * 2 ** (item.attempts - 1));
        bucket.blockedUntil = Math.max(bucket.blockedUntil, performance.now() + backoff);
        queue.unshift(item);
      }
    };
    // The first failure stops the other workers before their next sign-in.
    const worker = () =>
      work().catch((error: unknown) => {
        failed = true;
        throw error;
      });
    try {
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, emails.length) }, worker));
    } finally {
      tally.durationMs += performance.now() - startedAt;
    }
    return tokens;
  }
}

async function takeSlot(bucket: Bucket, pace: SignInPace, deadline: number, left: number): Promise<void> {
  for (;;) {
    const now = performance.now();
    refill(bucket, now, pace.perSecond / 1000, pace.burst);
    const waitMs = Math.max(bucket.blockedUntil - now, bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) / pace.perSecond) * 1000);
    if (waitMs <= 0) {
      bucket.tokens -= 1;
      return;
    }
    if (now + waitMs > deadline) {
      throw new GomflowError('E_AUTH_FAILED', `could not sign ${left} of the personas in within supabase.signIn.timeoutSeconds (${pace.timeoutSeconds} s) under /auth/v1's rate limit; set SUPABASE_JWT_SECRET to mint their tokens, or lower supabase.signIn.perSecond`);
    }
    await delay(waitMs);
  }
}
