import { rngFor } from '../random.ts';
import type { SeedContext, TableSpec } from '../types.ts';
import { at } from '../core/rowValues.ts';
import { idMaker } from '../world/ids.ts';
import { account, accountCount } from '../world/people.ts';
import { worldWindow } from '../world/time.ts';

const ANDROID = ['SM-A546E', 'SM-A155F', 'SM-S918B', 'Redmi Note 13', 'CPH2591', 'V2250', 'RMX3834', 'Infinix X6833B', 'TECNO KI5q', 'Pixel 8a'];
const IPHONE = ['iPhone12,1', 'iPhone13,2', 'iPhone14,5', 'iPhone15,2', 'iPhone16,1', 'iPhone17,3'];
const URLSAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

/**
 * Devices with push tokens per user: most GOMs have one or two (they live in the dashboard),
 * buyers with accounts often none. The first draw decides the count so notifications can
 * ask "does this user get push?" cheaply.
 */
export function deviceCount(ctx: SeedContext, userSequence: number): number {
  const u = rngFor(ctx.seed, 'devices', userSequence).next();
  return userSequence < ctx.counts.goms ? (u < 0.1 ? 0 : u < 0.75 ? 1 : 2) : u < 0.45 ? 0 : u < 0.93 ? 1 : 2;
}

/** user_devices: FCM registrations (N7 upserts), UNIQUE(user_id, device_id). */
export const userDevicesSpec: TableSpec = {
  table: 'public.user_devices',
  columns: ['id', 'user_id', 'device_type', 'device_id', 'fcm_token', 'device_info', 'is_active', 'last_used_at', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => Math.round(ctx.counts.goms * 1.15 + ctx.counts.buyerAccounts * 0.62),
  *rows(ctx) {
    const id = idMaker(ctx.runTag, 'public.user_devices');
    const { endMs } = worldWindow(ctx);
    let n = 0;
    for (let u = 0; u < accountCount(ctx); u += 1) {
      const count = deviceCount(ctx, u);
      if (count === 0) continue;
      const a = account(ctx, u);
      const rng = rngFor(ctx.seed, 'devices', u);
      rng.next(); // the count draw
      for (let d = 0; d < count; d += 1) {
        const r = rng.next();
        const type = r < 0.62 ? 'android' : r < 0.9 ? 'ios' : 'web';
        let deviceId = '';
        if (type === 'android') for (let i = 0; i < 16; i += 1) deviceId += HEX[(rng.next() * 16) | 0];
        else deviceId = uuidLike(rng, type === 'ios');
        let token = '';
        for (let i = 0; i < 22; i += 1) token += URLSAFE[(rng.next() * 64) | 0];
        token += ':APA91b';
        for (let i = 0; i < 134; i += 1) token += URLSAFE[(rng.next() * 64) | 0];
        const created = Math.min(endMs - 60_000, a.createdAtMs + Math.floor(rng.next() * 20 * 86_400_000) + 120_000);
        const lastUsed = Math.max(created, Math.min(endMs, a.lastSignInAtMs));
        const info = type === 'android'
          ? { platform: 'android', model: ANDROID[(rng.next() * ANDROID.length) | 0], os_version: String(rng.int(11, 15)), app_version: `1.${rng.int(2, 6)}.${rng.int(0, 9)}` }
          : type === 'ios'
            ? { platform: 'ios', model: IPHONE[(rng.next() * IPHONE.length) | 0], os_version: `${rng.int(16, 18)}.${rng.int(0, 6)}`, app_version: `1.${rng.int(2, 6)}.${rng.int(0, 9)}` }
            : { platform: 'web', browser: rng.chance(0.8) ? 'Chrome' : 'Safari', language: a.country === 'PH' ? 'en-PH' : 'en-MY' };
        const active = rng.chance(0.86);
        yield [id(n++), a.userId, type, deviceId, token, info, active, at(lastUsed), at(created), at(active ? lastUsed : Math.max(created, lastUsed - 3_600_000))];
      }
    }
  },
};

function uuidLike(rng: { next(): number }, upper: boolean): string {
  let s = '';
  for (let i = 0; i < 32; i += 1) {
    if (i === 8 || i === 12 || i === 16 || i === 20) s += '-';
    s += i === 12 ? '4' : i === 16 ? '89ab'[(rng.next() * 4) | 0] : HEX[(rng.next() * 16) | 0];
  }
  return upper ? s.toUpperCase() : s;
}
