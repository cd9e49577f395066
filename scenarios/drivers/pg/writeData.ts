import type pg from 'pg';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';

export interface OrderRow {
  id: string;
  currency: 'PHP' | 'MYR';
  price: number;
}

/** Seeded rows the writes refer to: the drop's hot orders, other active orders, and signed-up users. */
export interface WriteData {
  hotOrders: OrderRow[];
  orders: OrderRow[];
  users: string[];
}

/**
 * Picks, outside any measured work, the orders submissions go to (the ten busiest active
 * orders are the drop's hot rows) and the users notifications go to.
 */
export async function loadWriteData(client: pg.Client): Promise<WriteData> {
  const orders = await client.query<OrderRow & { n: number }>(
    `${INTERNAL_MARK} SELECT o.id::text, o.currency::text AS currency, o.price::float8 AS price,
       (SELECT count(*) FROM public.submissions s WHERE s.order_id = o.id)::int AS n
     FROM public.orders o WHERE o.is_active ORDER BY n DESC, o.id LIMIT 200`,
  );
  const users = await client.query<{ id: string }>(`${INTERNAL_MARK} SELECT user_id::text AS id FROM public.profiles ORDER BY user_id LIMIT 500`);
  const rows = orders.rows.map(({ id, currency, price }) => ({ id, currency, price }));
  return { hotOrders: rows.slice(0, 10), orders: rows, users: users.rows.map((row) => row.id) };
}
