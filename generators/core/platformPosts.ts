import { rngFor } from '../random.ts';
import type { TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { order } from '../world/orders.ts';
import { gom } from '../world/people.ts';
import { at } from './rowValues.ts';
import { gomConnections, snowflake } from './platformConnections.ts';

const HEX_UPPER = '0123456789ABCDEF';

/**
 * platform_posts: each drop announced on every bot connection its GOM had when the drop
 * opened, a few minutes after opening. Failed posts have no platform id or URL.
 */
export const platformPostsSpec: TableSpec = {
  table: 'public.platform_posts',
  columns: ['id', 'order_id', 'platform', 'post_id', 'post_url', 'status', 'created_at'],
  dependsOn: ['public.orders'],
  estimateRows: (ctx) => Math.round(ctx.counts.orders * 1.25),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.platform_posts');
    const endMs = ctx.referenceDate.getTime();
    let n = 0;
    for (let j = 0; j < ctx.counts.orders; j += 1) {
      const o = order(ctx, j);
      const rng = rngFor(ctx.seed, 'posts', j);
      for (const c of gomConnections(ctx, gom(ctx, o.gomIndex))) {
        if (!c.isActive || c.createdAtMs > o.createdAtMs) continue;
        const created = Math.min(endMs, o.createdAtMs + 30_000 + Math.floor(rng.next() * 600_000));
        const u = rng.next();
        const status = u < 0.92 ? 'posted' : u < 0.97 ? 'failed' : 'deleted';
        let postId: string | null = null;
        let url: string | null = null;
        if (status !== 'failed') {
          if (c.platform === 'telegram') {
            postId = String(rng.int(120, 40_000));
            url = c.connectionType === 'channel' ? `https://t.me/${c.handle}/${postId}` : null;
          } else if (c.platform === 'discord') {
            postId = snowflake(rng);
            url = c.connectionType === 'channel' ? `https://discord.com/channels/${c.guildId}/${c.channelId}/${postId}` : null;
          } else {
            postId = '3EB0';
            for (let h = 0; h < 16; h += 1) postId += HEX_UPPER[(rng.next() * 16) | 0];
          }
        }
        yield [id(n++), o.id, c.platform, postId, url, status, at(created)];
      }
    }
  },
};
