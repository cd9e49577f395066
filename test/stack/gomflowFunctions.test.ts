import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertGom, insertOrder, insertSubmission } from '../fixtures/sampleRows.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

describe("GOMFLOW's functions on sample rows", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('functions');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('get_order_stats counts and sums by status (quantity over all statuses, revenue paid/pending)', async () => {
    const gom = await insertGom(db.client, 'stats_gom');
    const order = await insertOrder(db.client, gom);
    await insertSubmission(db.client, order, { status: 'paid', quantity: 2, amount: 3600 });
    await insertSubmission(db.client, order, { status: 'paid', quantity: 1, amount: 1800 });
    await insertSubmission(db.client, order, { status: 'pending', quantity: 3, amount: 5400 });
    await insertSubmission(db.client, order, { status: 'cancelled', quantity: 1, amount: 1800 });
    const { rows } = await db.client.query(`SELECT get_order_stats($1) AS stats`, [order]);
    const stats = rows[0].stats as Record<string, number>;
    expect({
      total_submissions: Number(stats.total_submissions),
      pending_submissions: Number(stats.pending_submissions),
      paid_submissions: Number(stats.paid_submissions),
      total_quantity: Number(stats.total_quantity),
      total_revenue: Number(stats.total_revenue),
      pending_revenue: Number(stats.pending_revenue),
    }).toEqual({ total_submissions: 4, pending_submissions: 1, paid_submissions: 2, total_quantity: 7, total_revenue: 5400, pending_revenue: 5400 });
  });

  it('get_order_stats gives zeros, not nulls, for an order without submissions', async () => {
    const gom = await insertGom(db.client, 'empty_gom');
    const order = await insertOrder(db.client, gom);
    const { rows } = await db.client.query(`SELECT get_order_stats($1) AS stats`, [order]);
    const stats = rows[0].stats as Record<string, number>;
    expect(Number(stats.total_submissions)).toBe(0);
    expect(Number(stats.total_quantity)).toBe(0);
    expect(Number(stats.total_revenue)).toBe(0);
  });

  it('get_unread_notification_count counts only unread, unexpired notifications', async () => {
    const user = await insertGom(db.client, 'notified');
    const insert = (readAt: string | null, expiresAt: string | null) =>
      db.client.query(
        `INSERT INTO notifications (user_id, type, title, message, read_at, expires_at) VALUES ($1, 'order_created', 't', 'm', ${readAt ?? 'NULL'}, ${expiresAt ?? 'NULL'})`,
        [user],
      );
    await insert(null, null); // unread, never expires: counts
    await insert(null, `now() + interval '1 day'`); // unread, expires later: counts
    await insert(null, `now() - interval '1 day'`); // unread but expired
    await insert('now()', null); // read
    const { rows } = await db.client.query(`SELECT get_unread_notification_count($1) AS n`, [user]);
    expect(rows[0].n).toBe(2);
  });

  it("generate_payment_reference('PH') is PH- followed by 8 upper-case hex characters", async () => {
    const { rows } = await db.client.query<{ ref: string }>(`SELECT generate_payment_reference('PH') AS ref FROM generate_series(1, 20)`);
    for (const { ref } of rows) expect(ref).toMatch(/^PH-[0-9A-F]{8}$/);
    expect(new Set(rows.map((r) => r.ref)).size).toBe(20);
  });

  it('inserting a profile creates its notification preferences with the defaults', async () => {
    const user = await insertGom(db.client, 'prefs');
    const { rows } = await db.client.query(`SELECT order_updates, quiet_hours FROM notification_preferences WHERE user_id = $1`, [user]);
    expect(rows).toEqual([
      {
        order_updates: { websocket: true, push: true, email: false },
        quiet_hours: { enabled: false, start_time: '22:00', end_time: '08:00', timezone: 'Asia/Manila' },
      },
    ]);
  });

  it('keeps updated_at current on update (trigger)', async () => {
    const gom = await insertGom(db.client, 'touch');
    const order = await insertOrder(db.client, gom);
    await db.client.query(`UPDATE orders SET updated_at = now() - interval '1 day' WHERE id = $1`, [order]);
    // The trigger overwrites whatever the statement set with now().
    const { rows } = await db.client.query(`SELECT updated_at > now() - interval '1 minute' AS fresh FROM orders WHERE id = $1`, [order]);
    expect(rows[0].fresh).toBe(true);
  });
});
