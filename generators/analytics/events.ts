import { at } from '../core/rowValues.ts';
import type { TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { estimateActivity } from './estimateActivity.ts';
import { activityStream } from './eventsActivity.ts';

/** analytics_events: the 14 columns AN0 inserts, from the activity stream (none in 'built' mode). */
export const analyticsEventsSpec: TableSpec = {
  table: 'public.analytics_events',
  columns: ['id', 'event_type', 'user_id', 'order_id', 'submission_id', 'guild_id', 'platform', 'country', 'currency', 'event_data', 'session_id', 'user_agent', 'ip_address', 'created_at'],
  dependsOn: ['public.submissions'],
  estimateRows: (ctx) => estimateActivity(ctx).events,
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.analytics_events');
    let n = 0;
    for (const activity of activityStream(ctx)) {
      for (const e of activity.events) {
        yield [id(n++), e.type, e.userId, e.orderId, e.submissionId, e.guildId, e.platform, e.country, e.currency, e.data, e.sessionId, e.userAgent, e.ip, at(e.atMs)];
      }
    }
  },
};
