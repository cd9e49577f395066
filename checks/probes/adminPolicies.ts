import { finding, pass, type Evidence } from '../checkTypes.ts';
import { policyTarget } from '../lints/policyCatalog.ts';
import { PUBLIC_ROWS } from './accessModel.ts';
import { culprits } from './culprits.ts';
import { anyRow } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { probeableTables } from './tableMeta.ts';

/**
 * rls.admin-policies: system tables (monitoring, analytics aggregates: the ones no user owns)
 * should be for admins and services. A signed-in buyer with no special role reads each one.
 */
export const adminPolicies = probeCheck({
  id: 'rls.admin-policies',
  title: 'Monitoring and system analytics are not readable by every signed-in user',
  checklistSection: 'Row Level Security',
  defaultLevel: 'warn',
  async run(ctx, personas, inProbe) {
    const system = (await probeableTables(ctx)).filter((t) => t.ownerPath === null && !(t.name in PUBLIC_ROWS));
    const evidence: Evidence[] = [];
    const fixes = new Set<string>();
    await inProbe(async (session) => {
      for (const meta of system) {
        const row = await anyRow(ctx, session, meta.name);
        const read = await session.attemptAs(personas.buyer, `SELECT count(*)::int AS n FROM ${meta.sql}`);
        const seen = read.ok ? Number(read.first?.n) : 0;
        const entry: Evidence = { table: meta.name, persona: 'buyer', operation: 'SELECT', rows: seen, open: seen > 0 };
        if (seen > 0) {
          const blamed = await culprits(ctx, session, meta, personas.buyer, 'SELECT', row);
          entry.policies = blamed.map((p) => p.name).join(' | ');
          for (const p of blamed) fixes.add(`ALTER POLICY ${policyTarget(p)} TO service_role;  -- or an admin claim check, e.g. USING ((SELECT auth.jwt() -> 'app_metadata' ->> 'role') = 'admin')`);
        }
        evidence.push(entry);
      }
    });
    const open = evidence.filter((e) => e.open === true);
    if (open.length === 0) return pass(`${system.length} system tables: a signed-in buyer reads none of them`, evidence);
    return finding(`any signed-in user reads ${open.length} of ${system.length} system tables: ${open.map((e) => `${e.table} (${e.rows} rows)`).join(', ')}`, evidence, [...fixes].join('\n'));
  },
});
