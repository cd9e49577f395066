import { rngFor } from '../random.ts';
import type { SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { gom, type Gom, type Platform } from '../world/people.ts';
import { worldWindow } from '../world/time.ts';
import { at } from './rowValues.ts';

/** One of a GOM's bot links (platform_connections row) and what posts to it look like. */
export interface Connection {
  readonly platform: Platform;
  readonly connectionType: 'group' | 'channel' | 'webhook';
  readonly config: { readonly [key: string]: string | number };
  readonly isActive: boolean;
  readonly createdAtMs: number;
  /** Telegram channel username / Discord guild+channel ids, for post ids and URLs. */
  readonly handle: string;
  readonly guildId: string;
  readonly channelId: string;
}

/**
 * A GOM's connections, from its platform switches: WhatsApp → group, Telegram → channel (and
 * sometimes a group), Discord → channel or webhook. Re-derivable, so platform_posts can post
 * to the same channels.
 */
export function gomConnections(ctx: SeedContext, g: Gom): Connection[] {
  const rng = rngFor(ctx.seed, 'connections', g.index);
  const { endMs } = worldWindow(ctx);
  const out: Connection[] = [];
  const base = g.username.slice(0, g.username.indexOf('_')).replace(/\./g, '_');
  const since = (days: number) => Math.min(endMs - 60_000, g.createdAtMs + Math.floor(days * 86_400_000 * rng.next()) + 600_000);
  if (g.whatsappEnabled) {
    const groupId = `1203630${rng.int(10_000_000, 99_999_999)}${rng.int(10_000, 99_999)}@g.us`;
    out.push({
      platform: 'whatsapp', connectionType: 'group', isActive: rng.chance(0.93), createdAtMs: since(10), handle: groupId, guildId: '', channelId: groupId,
      config: { group_name: `${g.shopName} GC`, group_id: groupId, member_count: rng.int(25, 1024) },
    });
  }
  if (g.telegramEnabled) {
    const chatId = `-100${rng.int(1_000_000_000, 2_499_999_999)}`;
    out.push({
      platform: 'telegram', connectionType: 'channel', isActive: rng.chance(0.95), createdAtMs: since(14), handle: base, guildId: '', channelId: chatId,
      config: { channel_name: g.shopName, channel_username: `@${base}`, chat_id: chatId, subscriber_count: rng.int(80, 12_000) },
    });
    if (rng.chance(0.25)) {
      const groupChat = `-100${rng.int(1_000_000_000, 2_499_999_999)}`;
      out.push({
        platform: 'telegram', connectionType: 'group', isActive: true, createdAtMs: since(30), handle: base, guildId: '', channelId: groupChat,
        config: { group_name: `${g.shopName} Buyers`, chat_id: groupChat, member_count: rng.int(20, 900) },
      });
    }
  }
  if (g.discordEnabled) {
    const guildId = snowflake(rng);
    const channelId = snowflake(rng);
    const webhook = rng.chance(0.35);
    out.push({
      platform: 'discord', connectionType: webhook ? 'webhook' : 'channel', isActive: rng.chance(0.9), createdAtMs: since(20), handle: base, guildId, channelId,
      config: webhook
        ? { webhook_url: `https://discord.com/api/webhooks/${snowflake(rng)}/${tokenOf(rng, 68)}`, server_name: `${g.shopName} Server`, guild_id: guildId }
        : { server_name: `${g.shopName} Server`, guild_id: guildId, channel_id: channelId, channel_name: 'group-orders', member_count: rng.int(40, 5000) },
    });
  }
  return out;
}

export const platformConnectionsSpec: TableSpec = {
  table: 'public.platform_connections',
  columns: ['id', 'user_id', 'platform', 'connection_type', 'config', 'is_active', 'created_at'],
  dependsOn: ['public.profiles'],
  // 0.6 + 0.45·1.25 + 0.3 connections per GOM.
  estimateRows: (ctx) => Math.round(ctx.counts.goms * 1.46),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.platform_connections');
    let n = 0;
    for (let i = 0; i < ctx.counts.goms; i += 1) {
      const g = gom(ctx, i);
      for (const c of gomConnections(ctx, g)) yield [id(n++), g.userId, c.platform, c.connectionType, c.config, c.isActive, at(c.createdAtMs)];
    }
  },
};

/** A Discord snowflake (18–19 digits). */
export function snowflake(rng: { int(min: number, max: number): number }): string {
  return `1${rng.int(0, 299_999_999).toString().padStart(9, '0')}${rng.int(0, 999_999_999).toString().padStart(9, '0')}`;
}

const URLSAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function tokenOf(rng: { next(): number }, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += URLSAFE[(rng.next() * 64) | 0];
  return out;
}
