import { performance } from 'node:perf_hooks';
import { createLatencyHistogram, recordMs, type LatencyHistogram } from '../../../results/histogram.ts';
import { sleep } from '../../engine/sleep.ts';
import type { DeliveryLedger, LedgerSubscriber } from './deliveryLedger.ts';
import { PhoenixSocket, type ChangeBinding } from './phoenixSocket.ts';

/** One subscriber to open: its channel, its binding, whose token it carries, and whether RLS lets it see the changes. */
export interface SubscriberSpec extends LedgerSubscriber {
  /** What it stands for in GOMFLOW (gom-dashboard, watcher, excluded-user …). */
  kind: string;
  channel: string;
  binding: ChangeBinding;
  accessToken: string;
}

export interface SubscriberPoolOptions {
  url: string;
  apikey: string;
  /** Joins started per second. */
  joinRate: number;
  signal: AbortSignal;
}

/**
 * Opens one socket per subscriber (a browser tab each), joining at a fixed rate, and routes each
 * postgres_changes message to the ledger by the row's id. Time to subscribe runs from opening
 * the socket to the join's ok; a refused socket, an error or timed-out reply, or a reply whose
 * binding ids do not match what was asked is a join failure. close() ends every socket.
 */
export class SubscriberPool {
  readonly timeToSubscribe: LatencyHistogram = createLatencyHistogram();
  joinFailures = 0;
  /** The first few join failures' reasons, for the report. */
  readonly failureReasons: string[] = [];
  private readonly sockets: (PhoenixSocket | undefined)[] = [];
  private connectedNow = 0;

  constructor(
    private readonly specs: readonly SubscriberSpec[],
    private readonly ledger: DeliveryLedger,
    private readonly options: SubscriberPoolOptions,
  ) {}

  /** Subscribers whose join succeeded and whose socket is still open. */
  get connected(): number {
    return this.connectedNow;
  }

  /** Starts every join on the schedule; resolves when all have settled (or the signal stopped the schedule). */
  async joinAll(): Promise<void> {
    const start = performance.now();
    const joins: Promise<void>[] = [];
    for (let index = 0; index < this.specs.length && !this.options.signal.aborted; index++) {
      await sleep(start + (index * 1000) / this.options.joinRate - performance.now(), this.options.signal);
      if (this.options.signal.aborted) break;
      joins.push(this.join(index));
    }
    await Promise.all(joins);
  }

  close(): void {
    for (const socket of this.sockets) socket?.close();
    this.sockets.length = 0;
  }

  private async join(index: number): Promise<void> {
    const spec = this.specs[index]!;
    const started = performance.now();
    let subscribed = false;
    const onPush = (_topic: string, event: string, payload: Record<string, unknown>) => {
      if (event !== 'postgres_changes') return;
      const at = performance.now();
      const data = payload.data as { record?: { id?: unknown }; old_record?: { id?: unknown } } | undefined;
      const id = data?.record?.id ?? data?.old_record?.id;
      if (typeof id === 'string') this.ledger.received(index, id, at);
    };
    const onClose = () => {
      if (subscribed) this.connectedNow--;
      subscribed = false;
    };
    try {
      const socket = await PhoenixSocket.open(this.options.url, this.options.apikey, { onPush, onClose });
      this.sockets[index] = socket;
      const reply = await socket.join(spec.channel, { postgres_changes: [spec.binding] }, spec.accessToken);
      const bindings = reply.response.postgres_changes as { id?: unknown; table?: unknown }[] | undefined;
      // realtime-js checks the reply binding by binding and fails the channel on a mismatch.
      if (reply.status !== 'ok' || bindings?.length !== 1 || typeof bindings[0]!.id !== 'number' || bindings[0]!.table !== spec.binding.table) {
        throw new Error(`join ${reply.status}: ${JSON.stringify(reply.response).slice(0, 200)}`);
      }
      if (!socket.open) throw new Error('socket closed during the join');
      subscribed = true;
      this.connectedNow++;
      const at = performance.now();
      spec.subscribedAt = at;
      recordMs(this.timeToSubscribe, at - started);
    } catch (error) {
      this.joinFailures++;
      if (this.failureReasons.length < 5) this.failureReasons.push(`${spec.kind}: ${(error as Error).message}`);
      this.sockets[index]?.close();
    }
  }
}
