import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { writtenResults } from '../helpers/writtenResults.ts';

/**
 * Unused under load on a short smoke run. The catalog holds one read, the pending submissions of an
 * order, which (sequential scans off, the other indexes on order_id dropped) only
 * idx_submissions_order_id can serve; the launch mix's writes run as usual. An index added on
 * submissions.utm_source, written by every submission and read by no query, is reported with its
 * upkeep; idx_submissions_order_id, read by the run, is not. The added index is wide on purpose: with
 * sequential scans off, a query no index serves is planned as a full scan of the smallest index on
 * the table, and a one-column index of NULLs (deduplicated) would be that one.
 */
describe('unused indexes under load', () => {
  let db: TestDatabase;
  let dir: string;
  const scans = async () => {
    const { rows } = await db.client.query<{ index: string; scans: string }>(`SELECT schemaname || '.' || indexrelname AS index, idx_scan::text AS scans FROM pg_stat_user_indexes WHERE schemaname = 'public'`);
    return new Map(rows.map((row) => [row.index, Number(row.scans)]));
  };

  beforeAll(async () => {
    db = await createTestDatabase('unusedload');
    await seedTiny(db.url, 5);
    await db.client.query('CREATE INDEX fx_submissions_utm_source ON public.submissions (utm_source, buyer_name, buyer_phone, payment_reference)');
    await db.client.query('DROP INDEX public.idx_submissions_order_status, public.idx_submissions_pending');
    await db.client.query(`ALTER DATABASE ${db.name} SET enable_seqscan = off`);
    dir = mkdtempSync(path.join(tmpdir(), 'gomflow-unused-'));
    mkdirSync(path.join(dir, 'queries'));
    writeFileSync(
      path.join(dir, 'queries', 'order_pending_submissions.sql'),
      '-- name: order_pending_submissions\n-- journey: test\n-- roles: service_role\n-- params: order_id\n-- hot: SELECT DISTINCT order_id FROM submissions ORDER BY order_id LIMIT 5\nSELECT id FROM public.submissions WHERE order_id = $1\n',
    );
    writeFileSync(path.join(dir, 'catalog.config.mjs'), `export default { bench: { catalogDir: ${JSON.stringify(path.join(dir, 'queries'))} } };\n`);
  });

  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the index no query reads, maintained on every insert, and not the index the run read', async () => {
    const before = await scans();
    const result = await runCli(['load', 'smoke', '--duration', '3s', '--rate', '40', '--target', 'postgres', '--confirm-target', `127.0.0.1/${db.name}`, '--config', path.join(dir, 'catalog.config.mjs')], { DATABASE_URL: db.url });
    expect([0, 1], result.stderr).toContain(result.code);
    const after = await scans();
    const scenario = writtenResults(result).scenarios[0]!;
    const unused = scenario.unusedIndexes!;
    const mine = unused.find((entry) => entry.index === 'public.fx_submissions_utm_source');
    expect(mine, JSON.stringify(unused)).toMatchObject({ table: 'public.submissions', tableIndexes: expect.any(Number) });
    // Every insert wrote the index; a HOT update writes none, so the upkeep lies between the inserts and inserts + updates.
    expect(mine!.inserted).toBeGreaterThan(0);
    expect(mine!.maintained).toBeGreaterThanOrEqual(mine!.inserted);
    expect(mine!.maintained).toBeLessThanOrEqual(mine!.inserted + mine!.updated);
    // pg_stat_statements is preloaded on the test cluster: the submissions writes are measured.
    expect(mine!.tableWrites!.calls).toBeGreaterThan(0);
    const read = 'public.idx_submissions_order_id';
    expect(after.get(read)!).toBeGreaterThan(before.get(read)!);
    expect(unused.map((entry) => entry.index)).not.toContain(read);
    expect(result.stderr).toMatch(new RegExp(`unused under load \\(0005_unused_index\\), ${unused.length} indexes: public\\.\\w+ maintained \\d+ times, used 0 times`));
  }, 120_000);
});
