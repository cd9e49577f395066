import { rngFor } from '../random.ts';
import type { TableSpec } from '../types.ts';
import { at } from '../core/rowValues.ts';
import { idMaker } from '../world/ids.ts';
import { estimateNotifications } from './notifications.ts';
import { notificationStream, type Channel } from './notificationStream.ts';

const HEX = '0123456789abcdef';

/**
 * notification_deliveries: one row per push attempt, delivered or failed, as N4 records them
 * (pushNotificationService, one per device token). Websocket sends are not recorded and the
 * e-mail delivery log (N10) is dead code in the service, so those channels get no rows.
 */
export const notificationDeliveriesSpec: TableSpec = {
  table: 'public.notification_deliveries',
  columns: ['id', 'notification_id', 'channel', 'status', 'external_id', 'error_message', 'delivered_at', 'created_at'],
  dependsOn: ['public.notifications'],
  estimateRows: (ctx) => Math.round(estimateNotifications(ctx) * 0.3),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.notification_deliveries');
    const notificationId = idMaker(ctx.runTag, 'public.notifications');
    const endMs = ctx.referenceDate.getTime();
    let n = 0;
    for (const d of notificationStream(ctx)) {
      const rng = rngFor(ctx.seed, 'delivery', d.sequence);
      const nid = notificationId(d.sequence);
      for (const channel of d.channelsSent) {
        if (channel !== 'push') continue;
        const sent = Math.min(endMs, d.createdAtMs + 200 + Math.floor(rng.next() * 1500));
        // FCM accepts the message; the delivery receipt comes back for most.
        const delivered = rng.chance(0.85);
        yield [
          id(n++), nid, channel, delivered ? 'delivered' : 'sent', externalId(channel, rng), null,
          delivered ? at(Math.min(endMs, sent + Math.floor(rng.next() * 4000))) : null, at(sent),
        ];
      }
      for (const f of d.failed) {
        if (f.channel !== 'push') continue;
        yield [id(n++), nid, 'push', 'failed', null, f.error.slice(6), null, at(Math.min(endMs, d.createdAtMs + 300))];
      }
    }
  },
};

function externalId(channel: Channel, rng: { next(): number }): string | null {
  if (channel === 'websocket') return null;
  let hex = '';
  for (let i = 0; i < 16; i += 1) hex += HEX[(rng.next() * 16) | 0];
  if (channel === 'push') return `projects/gomflow-prod/messages/0:${Math.floor(rng.next() * 1e15)}%${hex}`;
  return `0100018d${hex}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12)}-000000`;
}
