import { at } from '../core/rowValues.ts';
import type { TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { estimateActivity } from './estimateActivity.ts';
import { activityStream } from './eventsActivity.ts';

/**
 * analytics_user_sessions: one row per session id the events carry, with actions_taken equal
 * to that session's event count.
 */
export const analyticsUserSessionsSpec: TableSpec = {
  table: 'public.analytics_user_sessions',
  columns: ['id', 'user_id', 'session_id', 'platform', 'country', 'user_agent', 'ip_address', 'started_at', 'ended_at', 'duration_seconds', 'page_views', 'actions_taken', 'is_active'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => estimateActivity(ctx).sessions,
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.analytics_user_sessions');
    let n = 0;
    for (const activity of activityStream(ctx)) {
      for (const s of activity.sessions) {
        const open = s.endedMs !== s.endedMs;
        yield [
          id(n++), s.userId, s.sessionId, s.platform, s.country, s.userAgent, s.ip, at(s.startedMs), at(s.endedMs),
          open ? null : Math.round((s.endedMs - s.startedMs) / 1000), s.pageViews, s.actions, open,
        ];
      }
    }
  },
};
