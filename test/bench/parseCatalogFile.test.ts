import { describe, expect, it } from 'vitest';
import { classesOf } from '../../bench/catalogQuery.ts';
import { loadCatalog, selectQueries } from '../../bench/loadCatalog.ts';
import { parseCatalogFile } from '../../bench/parseCatalogFile.ts';

const file = (header: string, sql = 'SELECT * FROM orders WHERE id = $1') => `${header}\n${sql}\n`;
const good = ['-- name: q', '-- journey: 1.2 view', '-- roles: anon, authenticated', '-- params: order_id', '-- hot: SELECT id AS order_id', '--   FROM orders LIMIT 1'].join('\n');

describe('parseCatalogFile', () => {
  it('reads the header, joins continuation lines and keeps the statement', () => {
    const query = parseCatalogFile(file(`${good}\n-- budget: p95=200 max=2000ms\n-- shape: GET /rest/v1/orders?select=*\n--   &id=eq.{id}`), 'q.sql');
    expect(query).toMatchObject({
      name: 'q',
      roles: ['anon', 'authenticated'],
      params: ['order_id'],
      samplers: { hot: 'SELECT id AS order_id\nFROM orders LIMIT 1' },
      budget: { p95Ms: 200, maxMs: 2000 },
      shape: 'GET /rest/v1/orders?select=*&id=eq.{id}',
      sql: 'SELECT * FROM orders WHERE id = $1',
    });
    expect(classesOf(query)).toEqual(['hot']);
  });

  it('gives a query without parameters the class fixed', () => {
    const query = parseCatalogFile(file('-- name: q\n-- journey: j\n-- roles: service_role', 'SELECT 1;'), 'q.sql');
    expect(classesOf(query)).toEqual(['fixed']);
    expect(query.sql).toBe('SELECT 1');
  });

  it.each([
    ['an unknown key', `${good}\n-- rolez: anon`, /unknown header key 'rolez'/],
    ['an unknown role', good.replace('anon, authenticated', 'anon, admin'), /unknown role 'admin'/],
    ['a name that is not the file name', good.replace('name: q', 'name: other'), /must match the file name 'q.sql'/],
    ['parameters without a sampling query', '-- name: q\n-- journey: j\n-- roles: anon\n-- params: order_id', /need a sampling query/],
    ['a bad budget', `${good}\n-- budget: p99=5`, /budget: expected/],
    ['a missing journey', '-- name: q\n-- roles: anon', /needs name, journey and roles/],
  ])('rejects %s, naming file and line', (_what, header, message) => {
    expect(() => parseCatalogFile(file(header), 'q.sql')).toThrow(message);
  });

  it('rejects a parameter count that does not match the statement, and two statements', () => {
    expect(() => parseCatalogFile(file(good, 'SELECT $1, $2'), 'q.sql')).toThrow(/uses \$1..\$2 but the header names 1/);
    expect(() => parseCatalogFile(file(good, 'SELECT $1; SELECT 2'), 'q.sql')).toThrow(/exactly one SQL statement/);
  });
});

describe('the bundled catalog', () => {
  it('parses, names the checklist queries, the hot paths, the functions and the views', async () => {
    const catalog = await loadCatalog();
    const names = catalog.map((query) => query.name);
    for (const name of ['checklist_active_orders', 'checklist_pending_submissions', 'checklist_recent_events', 'order_by_id', 'public_order_feed', 'submission_by_reference', 'order_pending_submissions', 'pending_by_amount_band', 'pending_by_buyer_name', 'gom_submission_list', 'order_summaries_by_gom', 'notification_preferences_by_user', 'user_devices_by_user', 'unread_notification_count', 'rpc_get_order_stats', 'rpc_get_user_dashboard_stats', 'rpc_get_unread_notification_count', 'rpc_generate_payment_reference', 'view_slow_queries', 'view_connection_stats']) {
      expect(names).toContain(name);
    }
    expect(catalog.find((query) => query.name === 'order_by_id')!.roles).toEqual(['anon', 'authenticated']);
  });

  it('selects by --only and rejects an unknown name with the list', async () => {
    const catalog = await loadCatalog();
    expect(selectQueries(catalog, 'order_by_id, view_slow_queries').map((query) => query.name)).toEqual(['order_by_id', 'view_slow_queries']);
    expect(() => selectQueries(catalog, 'nope')).toThrow(/no catalog query named nope; the catalog has .*order_by_id/);
  });
});
