import type { TableSpec } from '../types.ts';
import { order } from '../world/orders.ts';
import { at } from './rowValues.ts';

/** orders: the drops, in opening order, as M6 (`POST /api/orders`) writes them. */
export const ordersSpec: TableSpec = {
  table: 'public.orders',
  columns: ['id', 'user_id', 'title', 'description', 'price', 'currency', 'deadline', 'slug', 'payment_methods', 'is_active', 'auto_close_on_deadline', 'min_orders', 'max_orders', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => ctx.counts.orders,
  *rows(ctx) {
    for (let j = 0; j < ctx.counts.orders; j += 1) {
      const o = order(ctx, j);
      yield [
        o.id, o.userId, o.title, o.description, o.price, o.currency, at(o.deadlineMs), o.slug,
        o.paymentMethods, o.isActive, o.autoCloseOnDeadline, o.minOrders, o.maxOrders,
        at(o.createdAtMs), at(o.updatedAtMs),
      ];
    }
  },
};
