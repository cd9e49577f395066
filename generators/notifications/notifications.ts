import type { TableSpec } from '../types.ts';
import { at } from '../core/rowValues.ts';
import { sideTrafficDetail } from '../world/detail.ts';
import { idMaker } from '../world/ids.ts';
import { notificationStream } from './notificationStream.ts';

/** notifications, as N6 inserts them (one row per sendNotification, always). */
export const notificationsSpec: TableSpec = {
  table: 'public.notifications',
  columns: ['id', 'user_id', 'type', 'title', 'message', 'data', 'priority', 'channels_sent', 'sent_successfully', 'read_at', 'errors', 'created_at', 'updated_at', 'scheduled_for', 'expires_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => estimateNotifications(ctx),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.notifications');
    for (const n of notificationStream(ctx)) {
      yield [
        id(n.sequence), n.userId, n.type, n.title, n.message, n.data, n.priority, n.channelsSent, n.channelsSent.length > 0,
        at(n.readAtMs), n.failed.length > 0 ? n.failed.map((f) => f.error) : null, at(n.createdAtMs),
        at(n.readAtMs === n.readAtMs ? n.readAtMs : n.createdAtMs), at(n.scheduledForMs), at(n.expiresAtMs),
      ];
    }
  },
};

/**
 * Close to the stream's length (fitted on small and large): ~3 per drop (created, deadline,
 * goal, completed, recommendations) and ~0.46 per submission at full detail.
 */
export function estimateNotifications(ctx: Parameters<TableSpec['estimateRows']>[0]): number {
  const detail = sideTrafficDetail(ctx);
  const c = ctx.counts;
  return Math.round(c.orders * 3 + c.submissions * detail * 0.46 + c.goms * 1.5 * detail);
}
