import { finding, pass, type Evidence } from '../checkTypes.ts';
import { ident } from '../sqlText.ts';
import { anyRow } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { probeableTables } from './tableMeta.ts';

/**
 * rls.service-role: the services' key reaches every table. As service_role each public table
 * shows as many rows as the owner sees, and an update of one row goes through.
 */
export const serviceRoleAccess = probeCheck({
  id: 'rls.service-role',
  title: 'service_role reads and writes every table',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  async run(ctx, personas, inProbe) {
    const tables = await probeableTables(ctx);
    const evidence: Evidence[] = [];
    await inProbe(async (session) => {
      for (const meta of tables) {
        const row = await anyRow(ctx, session, meta.name);
        const key = meta.primaryKey[0]!;
        const keyType = meta.columns.find((c) => c.name === key)!.type;
        const { rows } = await session.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${meta.sql}`);
        const owner = rows[0]!.n;
        const read = await session.attemptAs(personas.serviceRole, `SELECT count(*)::int AS n FROM ${meta.sql}`);
        const write = await session.attemptAs(personas.serviceRole, `UPDATE ${meta.sql} SET ${ident(key)} = ${ident(key)} WHERE ${ident(key)} = $1::${keyType}`, [String(row[key])]);
        const seen = read.ok ? Number(read.first?.n) : null;
        const ok = seen === owner && write.ok && write.rows === 1;
        evidence.push({ table: meta.name, ownerRows: owner, serviceRoleRows: seen ?? read.error, update: write.ok ? `${write.rows} row` : write.error, ok });
      }
    });
    const short = evidence.filter((e) => e.ok !== true);
    if (short.length === 0) return pass(`service_role sees every row of all ${tables.length} public tables and can update them`, evidence);
    return finding(`service_role falls short on ${short.length} tables: ${short.map((e) => e.table).join(', ')}`, evidence, 'ALTER ROLE service_role BYPASSRLS;\nGRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO service_role;');
  },
});
