import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { measureTask } from '../../bench/measureTask.ts';
import { toQueryResult } from '../../bench/toQueryResult.ts';
import { planThresholdsSchema } from '../../core/config/configSchema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** Custom vs generic plans, on a column as skewed as the seeded submissions' status (the value asked for is rare). */
describe('generic plans in bench', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('generic');
    await db.client.query(`CREATE TABLE public.skewed (id int PRIMARY KEY, status text NOT NULL, created int NOT NULL)`);
    // The newest 100 of 200 000 rows are 'pending', the rest spread over three statuses. For
    // 'pending' the custom plan takes the status index and sorts 100 rows; the generic plan,
    // planned for an average status (a quarter of the table), walks the created index expecting
    // 20 matches within ~80 rows, and reads nearly the whole table before it finds them.
    await db.client.query(
      `INSERT INTO public.skewed SELECT i, CASE WHEN i > 199900 THEN 'pending' WHEN i % 3 = 0 THEN 'paid' WHEN i % 3 = 1 THEN 'shipped' ELSE 'cancelled' END, i FROM generate_series(1, 200000) i`,
    );
    await db.client.query(`CREATE INDEX skewed_status ON public.skewed (status)`);
    await db.client.query(`CREATE INDEX skewed_created ON public.skewed (created)`);
    await db.client.query(`GRANT SELECT ON public.skewed TO service_role`);
    await db.client.query(`ANALYZE public.skewed`);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a query whose generic plan is much slower than its custom plan is flagged, naming the scan that changed', async () => {
    const query: CatalogQuery = { name: 'pending_rows', file: 'pending_rows.sql', journey: 'test', roles: ['service_role'], params: ['status'], samplers: {}, budget: {}, sql: 'SELECT id FROM public.skewed WHERE status = $1 ORDER BY created LIMIT 20' };
    const thresholds = planThresholdsSchema.parse({});
    const measurement = await measureTask(db.client, { query, role: 'service_role', paramClass: 'hot', rows: [{ values: ['pending'] }], defaultSub: '' }, { iterations: 2, warmup: 1, explainRuns: 1, timeCapMs: 5_000 }, { scope: 'transaction' });
    expect(measurement.error).toBeUndefined();
    expect(measurement.planModes!.genericMs).toBeGreaterThan(measurement.planModes!.customMs);
    const result = toQueryResult(measurement, { queryP95Ms: 100, queryMaxMs: 1000 }, thresholds);
    const finding = result.findings.find((candidate) => candidate.kind === 'genericPlanSlower');
    expect(finding?.detail).toMatch(/plan changed: .*skewed_status.* → Index Scan using skewed_created on skewed/);
    expect(finding!.numbers!.ratio).toBeGreaterThanOrEqual(thresholds.genericPlanFactor);
  });

  it('a query on a unique key keeps the same plan either way and is not flagged', async () => {
    const query: CatalogQuery = { name: 'by_id', file: 'by_id.sql', journey: 'test', roles: ['service_role'], params: ['id'], samplers: {}, budget: {}, sql: 'SELECT created FROM public.skewed WHERE id = $1' };
    const measurement = await measureTask(db.client, { query, role: 'service_role', paramClass: 'hot', rows: [{ values: [4000] }], defaultSub: '' }, { iterations: 2, warmup: 1, explainRuns: 1, timeCapMs: 5_000 }, { scope: 'transaction' });
    expect(measurement.planModes).toBeDefined();
    const result = toQueryResult(measurement, { queryP95Ms: 100, queryMaxMs: 1000 }, planThresholdsSchema.parse({}));
    expect(result.findings.map((finding) => finding.kind)).not.toContain('genericPlanSlower');
  });
});
