import { finding, pass, type CheckContext, type Evidence } from '../checkTypes.ts';
import { ident, qualified } from '../sqlText.ts';
import { ANON_INSERT, PUBLIC_ROWS } from './accessModel.ts';
import { culprits } from './culprits.ts';
import { anyRow, freshCopy, ownedRows } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { deniedByPrivileges, type ProbeSession } from './probeSession.ts';
import { probeableTables, type TableMeta } from './tableMeta.ts';

/**
 * rls.anon-access: anon (no login, the API key alone) reads every public table and view and
 * tries to insert into every table. Only the public catalogue (open orders, templates) may be
 * seen; only submissions may be written (probe.anon-paid-submission judges those). A view is
 * read twice, as itself and with security_invoker switched on inside the rolled-back probe:
 * rows seen only the first time are rows RLS would have hidden.
 */
export const anonAccess = probeCheck({
  id: 'rls.anon-access',
  title: 'anon reads only the public catalogue and writes nothing but submissions',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0010'], beyond: 'live probe as real users in a rolled-back transaction; splinter only reads the catalog: reads what anon sees through each view' },
  async run(ctx, personas, inProbe) {
    const tables = await probeableTables(ctx);
    const evidence: Evidence[] = [];
    const fixes = new Set<string>();
    await inProbe(async (session) => {
      for (const meta of tables) {
        // Make sure there is something to see: a row of GOM B's, or any row.
        const rows = meta.ownerPath ? await ownedRows(ctx, session, meta.name, personas.gomB.userId!, 1) : [];
        const sample = rows[0] ?? (await anyRow(ctx, session, meta.name));
        evidence.push(await readAsAnon(session, meta));
        if (!ANON_INSERT.has(meta.name)) {
          const copy = freshCopy(meta, sample);
          const columns = meta.columns.filter((c) => c.insertable && c.name in copy).map((c) => ident(c.name));
          const attempt = await session.attemptAs(personas.anon, `INSERT INTO ${meta.sql} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_record(NULL::${meta.sql}, $1)`, [JSON.stringify(copy)]);
          const leak = attempt.ok;
          const row: Evidence = { relation: meta.name, persona: 'anon', operation: 'INSERT', result: attempt.ok ? 'inserted' : deniedByPrivileges(attempt) ? 'denied' : `error: ${attempt.error}`, rows: attempt.ok ? 1 : 0, leak };
          if (leak) {
            const blamed = await culprits(ctx, session, meta, personas.anon, 'INSERT', copy);
            row.policies = blamed.map((p) => p.name).join(' | ');
            for (const p of blamed) fixes.add(`ALTER POLICY ${ident(p.name)} ON ${meta.sql} TO authenticated;`);
          }
          evidence.push(row);
        }
      }
      for (const view of await readableViews(ctx)) evidence.push(await readViewAsAnon(session, view, fixes));
    });
    const leaks = evidence.filter((e) => e.leak === true);
    const summary = `anon read ${tables.length} tables and ${evidence.filter((e) => e.kind === 'view').length} views and tried to insert into ${tables.length - ANON_INSERT.size} tables`;
    if (leaks.length === 0) return pass(summary, evidence);
    for (const leak of leaks) if (leak.operation === 'SELECT' && leak.kind === 'table') fixes.add(`-- ${leak.relation}: anon sees rows it should not; scope its SELECT policies TO authenticated`);
    return finding(`${leaks.length} leaks: ${leaks.map((l) => `${l.relation} (${l.result})`).join('; ')}; ${summary}`, evidence, [...fixes].join('\n'));
  },
});

async function readAsAnon(session: ProbeSession, meta: TableMeta): Promise<Evidence> {
  const intended = PUBLIC_ROWS[meta.name] ?? 'false';
  const attempt = await session.attemptAs({ label: 'anon', role: 'anon' }, `SELECT count(*)::int AS seen, count(*) FILTER (WHERE NOT (${intended}))::int AS leaked FROM ${meta.sql}`);
  if (!attempt.ok) return { relation: meta.name, kind: 'table', persona: 'anon', operation: 'SELECT', result: deniedByPrivileges(attempt) ? 'denied' : `error: ${attempt.error}`, rows: 0, leak: false };
  const seen = Number(attempt.first?.seen ?? 0);
  const leaked = Number(attempt.first?.leaked ?? 0);
  return { relation: meta.name, kind: 'table', persona: 'anon', operation: 'SELECT', result: leaked > 0 ? `${leaked} rows seen that are not public` : `${seen} rows seen${seen ? ' (public by design)' : ''}`, rows: seen, leak: leaked > 0 };
}

interface ViewInfo {
  name: string;
  invoker: boolean;
}

async function readableViews(ctx: CheckContext): Promise<ViewInfo[]> {
  const { rows } = await ctx.client.query<ViewInfo>(
    `SELECT c.relname AS name, coalesce((SELECT o.option_value::boolean FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'security_invoker'), false) AS invoker
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'v' AND has_table_privilege('anon', c.oid, 'SELECT')
       AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
       AND EXISTS (SELECT 1 FROM pg_rewrite w JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass
                   JOIN pg_class t ON t.oid = d.refobjid WHERE w.ev_class = c.oid AND t.relrowsecurity)
     ORDER BY 1`,
  );
  return rows;
}

/** Rows of an RLS-reading view as anon, with the view's rights and then with anon's own. */
async function readViewAsAnon(session: ProbeSession, view: ViewInfo, fixes: Set<string>): Promise<Evidence> {
  const sql = qualified('public', view.name);
  const countAsAnon = async () => {
    const attempt = await session.attemptAs({ label: 'anon', role: 'anon' }, `SELECT count(*)::int AS n FROM ${sql}`);
    return attempt.ok ? Number(attempt.first?.n ?? 0) : null;
  };
  const asView = await countAsAnon();
  let asInvoker: number | null = asView;
  if (!view.invoker) {
    await session.client.query('SAVEPOINT view_as_invoker');
    try {
      await session.client.query(`ALTER VIEW ${sql} SET (security_invoker = true)`);
      asInvoker = await countAsAnon();
    } catch {
      asInvoker = null;
    } finally {
      await session.client.query('ROLLBACK TO SAVEPOINT view_as_invoker');
    }
  }
  const extra = asView !== null && asInvoker !== null ? asView - asInvoker : 0;
  if (extra > 0) fixes.add(`ALTER VIEW ${sql} SET (security_invoker = true);`);
  return {
    relation: `public.${view.name}`,
    kind: 'view',
    persona: 'anon',
    operation: 'SELECT',
    result: extra > 0 ? `${asView} rows seen; RLS on its tables would show anon ${asInvoker}: the view bypasses RLS` : `${asView ?? 'no'} rows seen${asView === null ? ' (denied)' : ''}`,
    rows: asView ?? 0,
    rowsUnderRls: asInvoker,
    leak: extra > 0,
  };
}
