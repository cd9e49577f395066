import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import type pg from 'pg';
import { GOMFLOW_TABLE_GROUPS } from '../../stack/schema/gomflowCatalog.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** Integrity and realism of a tiny seed, asserted in SQL on what PostgreSQL actually holds. */
describe('a tiny seed in the database', () => {
  let db: TestDatabase;
  const one = async <T>(sql: string): Promise<T> => (await db.client.query(sql)).rows[0] as T;

  beforeAll(async () => {
    db = await createTestDatabase('realism');
    await seedTiny(db.url, 7, new Date('2026-11-20T14:00:00Z'));
  });

  afterAll(async () => {
    await db.drop();
  });

  it('fills all 31 GOMFLOW tables, about 30k rows in all', async () => {
    const counts = await tableCounts(db.client);
    expect(Object.entries(counts).filter(([, n]) => n === 0).map(([table]) => table)).toEqual([]);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(12_000);
    expect(total).toBeLessThan(35_000);
  });

  it('has the entity counts the preset asks for', async () => {
    const counts = await one<{ orders: number; submissions: number; goms: number }>(
      `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM submissions) AS submissions,
              (SELECT count(DISTINCT user_id)::int FROM orders) AS goms`,
    );
    expect(counts.orders).toBe(SCALE_PRESETS.tiny.orders);
    expect(counts.submissions).toBe(SCALE_PRESETS.tiny.submissions);
    expect(counts.goms).toBeLessThanOrEqual(SCALE_PRESETS.tiny.goms);
  });

  it('tracks about 10.5 API calls per web submitter (analytics as designed, the default)', async () => {
    const { calls, submitters } = await one<{ calls: number; submitters: number }>(
      `SELECT count(*) FILTER (WHERE event_data->>'route' ~ '^(GET|POST) /')::int AS calls,
              count(DISTINCT submission_id) FILTER (WHERE event_type = 'submission_created')::int AS submitters
       FROM analytics_events WHERE platform = 'web'`,
    );
    expect(submitters).toBeGreaterThan(100);
    expect(calls / submitters).toBeGreaterThan(9.5);
    expect(calls / submitters).toBeLessThan(11.5);
  });

  it("prices every order in its GOM's currency", async () => {
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o JOIN profiles p ON p.user_id = o.user_id
       WHERE (p.country = 'PH') <> (o.currency = 'PHP')`,
    );
    expect(n).toBe(0);
  });

  it("gives buyers phones of the order's country (+63 9… for PHP, +60 1… for MYR)", async () => {
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions
       WHERE NOT ((currency = 'PHP' AND buyer_phone ~ '^\\+639[0-9]{9}$') OR (currency = 'MYR' AND buyer_phone ~ '^\\+601[0-9]{8,9}$'))`,
    );
    expect(n).toBe(0);
  });

  it("charges quantity × the order's price, in the order's currency", async () => {
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions s JOIN orders o ON o.id = s.order_id
       WHERE s.total_amount <> s.quantity * o.price OR s.currency <> o.currency`,
    );
    expect(n).toBe(0);
  });

  it('gives each paid submission exactly one successful transaction, paid after the submission was made', async () => {
    const { bad, paid } = await one<{ bad: number; paid: number }>(
      `SELECT count(*) FILTER (WHERE ok.n IS DISTINCT FROM 1 OR ok.first_paid <= s.created_at)::int AS bad, count(*)::int AS paid
       FROM submissions s
       LEFT JOIN LATERAL (SELECT count(*) AS n, min(paid_at) AS first_paid FROM payment_transactions t
                          WHERE t.submission_id = s.id AND t.paid_at IS NOT NULL) ok ON true
       WHERE s.status = 'paid'`,
    );
    expect(paid).toBeGreaterThan(0);
    expect(bad).toBe(0);
  });

  it('has no successful transaction for a submission that is not paid', async () => {
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM payment_transactions t JOIN submissions s ON s.id = t.submission_id
       WHERE t.paid_at IS NOT NULL AND s.status <> 'paid'`,
    );
    expect(n).toBe(0);
  });

  it('has no pending submission created after its order closed', async () => {
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions s JOIN orders o ON o.id = s.order_id
       WHERE s.status = 'pending' AND s.created_at > o.deadline`,
    );
    expect(n).toBe(0);
  });

  it('concentrates demand: the top 1 % of orders hold at least 25 % of submissions', async () => {
    const { share } = await one<{ share: number }>(
      `WITH per_order AS (SELECT order_id, count(*) AS n FROM submissions GROUP BY order_id),
            ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS r FROM per_order)
       SELECT (SELECT sum(n) FROM ranked WHERE r <= greatest(1, ceil((SELECT count(*) FROM orders) * 0.01)))::float8
              / (SELECT count(*) FROM submissions) AS share`,
    );
    expect(share).toBeGreaterThanOrEqual(0.25);
  });

  it('is busier in PH/MY evenings (18:00–23:00) than at night (02:00–06:00)', async () => {
    const { evening, night } = await one<{ evening: number; night: number }>(
      `SELECT count(*) FILTER (WHERE h BETWEEN 18 AND 22)::int AS evening, count(*) FILTER (WHERE h BETWEEN 2 AND 5)::int AS night
       FROM (SELECT extract(hour FROM created_at AT TIME ZONE 'Asia/Manila') AS h FROM submissions) s`,
    );
    expect(evening).toBeGreaterThan(night * 2);
  });

  it('writes statistics for every seeded table (ANALYZE)', async () => {
    const { rows } = await db.client.query<{ relname: string }>(
      `SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND last_analyze IS NULL AND last_autoanalyze IS NULL
         AND relname <> 'notification_templates'`,
    );
    expect(rows).toEqual([]);
  });
});

/** Reference instants in Manila (UTC+8) away from the evening drops, when tiny's 2 h of monitoring once raised no alert. */
describe.each(['00:00', '08:00', '16:00'])('a tiny seed whose reference instant is %s in Manila', (manila) => {
  it('fills all 31 GOMFLOW tables', async () => {
    const db = await createTestDatabase('realism_instant');
    try {
      await seedTiny(db.url, 7, new Date(`2026-11-20T${manila}:00+08:00`));
      const counts = await tableCounts(db.client);
      expect(Object.keys(counts)).toHaveLength(31);
      expect(Object.entries(counts).filter(([, n]) => n === 0).map(([table]) => table)).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.values(GOMFLOW_TABLE_GROUPS).flat()) {
    counts[table] = ((await client.query(`SELECT count(*)::int AS n FROM public.${table}`)).rows[0] as { n: number }).n;
  }
  return counts;
}
