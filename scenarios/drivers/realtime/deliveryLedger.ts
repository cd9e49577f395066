import { createLatencyHistogram, recordMs, summarize, type LatencyHistogram } from '../../../results/histogram.ts';
import type { HistogramSummary } from '../../../results/resultsModel.ts';

/** One subscriber as the ledger sees it: whether RLS lets it see the changes, and since when it is subscribed. */
export interface LedgerSubscriber {
  /** False for a subscriber RLS excludes: anything it receives is a leak, nothing it misses is missing. */
  expects: boolean;
  /** When its join was acknowledged (ms on the driver's clock); undefined until then or when it failed. */
  subscribedAt?: number;
}

/** One interval of the delivery series. */
export interface DeliveryInterval {
  t: number;
  delivered: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface DeliveryTotals {
  changes: number;
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  /** Deliveries to a subscriber RLS excludes. */
  leaked: number;
  latency: HistogramSummary;
}

interface MadeChange {
  sentAt: number;
  receipts: Uint8Array;
}

/**
 * Accounts for every expected delivery on one clock: a change is registered with its send time
 * before it is sent, each receipt is matched to it by the row's id. A subscriber expects a
 * change when RLS lets it see the row and its join was acknowledged before the change was sent
 * (the server registers a subscription before it replies). Pure: times are arguments.
 */
export class DeliveryLedger {
  private readonly changes = new Map<string, MadeChange>();
  private readonly total = createLatencyHistogram();
  private interval = createLatencyHistogram();
  private intervalDelivered = 0;
  private delivered = 0;
  private duplicates = 0;
  private leaked = 0;
  readonly timeline: DeliveryInterval[] = [];

  constructor(readonly subscribers: readonly LedgerSubscriber[]) {}

  /** A change about to be sent (the row's id), at `sentAt`. */
  made(rowId: string, sentAt: number): void {
    this.changes.set(rowId, { sentAt, receipts: new Uint8Array(this.subscribers.length) });
  }

  /** A change whose statement failed (rolled back): nobody is owed it. */
  cancel(rowId: string): void {
    this.changes.delete(rowId);
  }

  /** Subscriber `index` received the change of `rowId` at `at`; rows this run did not make are ignored. */
  received(index: number, rowId: string, at: number): void {
    const change = this.changes.get(rowId);
    if (!change) return;
    const before = change.receipts[index]!;
    change.receipts[index] = Math.min(255, before + 1);
    if (before > 0) {
      this.duplicates++;
      return;
    }
    const subscriber = this.subscribers[index]!;
    if (!subscriber.expects) {
      this.leaked++;
      return;
    }
    // A subscriber acknowledged after the send may still get the change; it was not owed it.
    if (!this.owed(subscriber, change)) return;
    this.delivered++;
    this.intervalDelivered++;
    recordMs(this.total, Math.max(0, at - change.sentAt));
    recordMs(this.interval, Math.max(0, at - change.sentAt));
  }

  /** Ends the interval at `t` (ms since the run started). */
  flush(t: number): DeliveryInterval {
    const h = this.interval;
    const at = (percentile: number) => (h.totalCount > 0 ? h.getValueAtPercentile(percentile) / 1000 : 0);
    const point = { t: Math.round(t), delivered: this.intervalDelivered, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) };
    this.timeline.push(point);
    this.interval = createLatencyHistogram();
    this.intervalDelivered = 0;
    return point;
  }

  /** The totals: every owed delivery not received by now is missing (call after the grace period). */
  totals(): DeliveryTotals {
    let expected = 0;
    for (const change of this.changes.values()) {
      for (const subscriber of this.subscribers) if (subscriber.expects && this.owed(subscriber, change)) expected++;
    }
    return { changes: this.changes.size, expected, delivered: this.delivered, missing: expected - this.delivered, duplicates: this.duplicates, leaked: this.leaked, latency: summarize(this.total) };
  }

  /** The latency histogram so far (for figures taken mid-run, e.g. per subscriber count). */
  get latency(): LatencyHistogram {
    return this.total;
  }

  private owed(subscriber: LedgerSubscriber, change: MadeChange): boolean {
    return subscriber.subscribedAt !== undefined && subscriber.subscribedAt <= change.sentAt;
  }
}
