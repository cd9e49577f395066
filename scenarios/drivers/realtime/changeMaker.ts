import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { sleep } from '../../engine/sleep.ts';
import { submissionDraft } from '../pg/writeDrafts.ts';
import type { WriteState } from '../pg/writeStatements.ts';
import type { DeliveryLedger } from './deliveryLedger.ts';

export interface ChangeMakerOptions {
  /** Changes per second. */
  rate: number;
  durationMs: number;
  signal: AbortSignal;
}

export interface ChangesMade {
  made: number;
  failed: number;
  /** The first failure's message. */
  firstError?: string;
}

/**
 * The changes the subscribers wait for: submissions to the hot order (the write state's only
 * order), one autocommit INSERT each on the given connection, as the order service writes them.
 * Each row's id comes from the scenario's run, so clean-up removes it exactly; it is entered in
 * the ledger with its send time before the statement goes out, so the delivery latency is
 * measured from send through commit to receipt on the driver's one clock.
 */
export async function makeChanges(client: pg.Client, state: WriteState, ledger: DeliveryLedger, options: ChangeMakerOptions): Promise<ChangesMade> {
  const count = Math.floor((options.rate * options.durationMs) / 1000);
  const start = performance.now();
  const outcome: ChangesMade = { made: 0, failed: 0 };
  for (let index = 0; index < count && !options.signal.aborted; index++) {
    await sleep(start + (index * 1000) / options.rate - performance.now(), options.signal);
    if (options.signal.aborted) break;
    const d = submissionDraft(state);
    ledger.made(d.id, performance.now());
    try {
      await client.query({
        name: 'grt_submit',
        text: `INSERT INTO public.submissions (id, order_id, buyer_name, buyer_phone, quantity, total_amount, currency, payment_reference, source_platform)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'web')`,
        // The reference carries the row's id: unique without the extra generate_payment_reference round trip.
        values: [d.id, d.order_id, d.buyer_name, d.buyer_phone, d.quantity, d.total_amount, d.currency, `RT-${d.id}`],
      });
      outcome.made++;
    } catch (error) {
      ledger.cancel(d.id);
      outcome.failed++;
      outcome.firstError ??= (error as Error).message;
    }
  }
  return outcome;
}
