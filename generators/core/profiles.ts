import type { TableSpec } from '../types.ts';
import { account, accountCount } from '../world/people.ts';
import { at } from './rowValues.ts';

/**
 * profiles, one per auth user. The AFTER INSERT trigger `trigger_create_notification_preferences`
 * fires on every row and creates the user's notification_preferences with their defaults, as
 * it does in production when the app inserts a profile; so there is deliberately no
 * notification_preferences spec (a COPY would collide with the trigger's rows on
 * UNIQUE(user_id)). COPY fires row triggers, so those rows appear during the load.
 */
export const profilesSpec: TableSpec = {
  table: 'public.profiles',
  columns: ['user_id', 'email', 'name', 'username', 'phone', 'country', 'timezone', 'whatsapp_enabled', 'telegram_enabled', 'discord_enabled', 'plan', 'subscription_status', 'created_at', 'updated_at'],
  dependsOn: ['auth.users'],
  estimateRows: (ctx) => accountCount(ctx),
  *rows(ctx) {
    const n = accountCount(ctx);
    for (let u = 0; u < n; u += 1) {
      const a = account(ctx, u);
      yield [
        a.userId, a.email, a.name, a.username, a.phone, a.country, a.timezone,
        a.whatsappEnabled, a.telegramEnabled, a.discordEnabled, a.plan, a.subscriptionStatus,
        at(a.createdAtMs), at(a.updatedAtMs),
      ];
    }
  },
};
