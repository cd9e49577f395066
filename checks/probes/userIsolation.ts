import type { CheckContext, Evidence } from '../checkTypes.ts';
import { finding, pass, skip } from '../checkTypes.ts';
import { ident } from '../sqlText.ts';
import { INSERT_FOR_OTHERS, sharedPredicate } from './accessModel.ts';
import { culprits, ownerCondition, restrictPolicy, type Operation } from './culprits.ts';
import { freshCopy, ownedRows, type Row } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { deniedByPrivileges, type Attempt, type Persona, type ProbeSession } from './probeSession.ts';
import { loadTableMeta, type TableMeta } from './tableMeta.ts';

/** One attempt's verdict: what the persona got, and whether that is a leak. */
function judge(operation: Operation, attempt: Attempt, leaked: number, shared = 0): { result: string; leak: boolean; inconclusive?: boolean } {
  if (!attempt.ok) return deniedByPrivileges(attempt) ? { result: `denied (${attempt.error})`, leak: false } : { result: `error, not decided by RLS: ${attempt.error}`, leak: false, inconclusive: true };
  if (operation === 'INSERT') return { result: 'inserted', leak: true };
  if (leaked === 0 && shared > 0) return { result: `${shared} rows seen, all shared on purpose (public)`, leak: false };
  return leaked > 0 ? { result: `${leaked} rows ${operation === 'SELECT' ? 'seen' : 'affected'}`, leak: true } : { result: `0 rows ${operation === 'SELECT' ? 'seen' : 'affected'}`, leak: false };
}

/**
 * rls.user-isolation: for every table a user owns, GOM A and the buyer try to read, update and
 * delete GOM B's rows and to insert a row owned by B, as PostgREST would send it. Rows B
 * shares on purpose (open orders, public dashboards) do not count as seen.
 */
export const userIsolation = probeCheck({
  id: 'rls.user-isolation',
  title: "Users cannot read or change another user's rows (probes as GOM A and a buyer against GOM B)",
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: [], beyond: 'live probe as real users in a rolled-back transaction; splinter only reads the catalog' },
  async run(ctx, personas, inProbe) {
    const tables = await loadTableMeta(ctx);
    const owned = [...tables.values()].filter((t) => t.schema === 'public' && t.ownerPath !== null && t.primaryKey.length === 1);
    const evidence: Evidence[] = [];
    const fixes = new Set<string>();
    for (const meta of owned) {
      for (const attacker of [personas.gomA, personas.buyer]) {
        const skipped = (why: string) => evidence.push({ table: meta.name, persona: attacker.label, victim: personas.gomB.label, operation: '*', result: `skipped: ${why}`, leak: false });
        try {
          await inProbe(async (session) => {
            const victimRows = await ownedRows(ctx, session, meta.name, personas.gomB.userId!);
            if (victimRows.length === 0) return void skipped('no row of GOM B could be made');
            for (const row of await probeTable(ctx, session, meta, attacker, personas.gomB, victimRows, fixes, tables)) evidence.push(row);
          });
        } catch (error) {
          // The probe transaction is rolled back already; one table's odd shape must not hide the others.
          skipped(`the probe could not run: ${(error as Error).message}`);
        }
      }
    }
    const leaks = evidence.filter((e) => e.leak === true);
    const skippedRuns = evidence.filter((e) => String(e.result).startsWith('skipped')).length;
    if (skippedRuns === owned.length * 2) return skip(`no probe could run: ${String(evidence[0]?.result ?? 'no user-owned tables')}`, evidence);
    const summary = `${owned.length} user-owned tables probed (read, update, delete, insert) as GOM A and a buyer against GOM B; personas from ${personas.source}${skippedRuns ? `; ${skippedRuns} probes skipped` : ''}`;
    if (leaks.length === 0) return pass(summary, evidence);
    return finding(`${leaks.length} leaks: ${leaks.map((l) => `${l.persona} ${String(l.operation).toLowerCase()} on ${l.table}`).join(', ')}; ${summary}`, evidence, [...fixes].join('\n'));
  },
});

async function probeTable(
  ctx: CheckContext,
  session: ProbeSession,
  meta: TableMeta,
  attacker: Persona,
  victim: Persona,
  victimRows: Row[],
  fixes: Set<string>,
  tables: Map<string, TableMeta>,
): Promise<Evidence[]> {
  const key = meta.primaryKey[0]!;
  const keyType = meta.columns.find((c) => c.name === key)!.type;
  const ids = victimRows.map((r) => String(r[key]));
  const base = { table: meta.name, persona: attacker.label, victim: victim.label, victimRows: ids.length };
  const out: Evidence[] = [];
  const record = async (operation: Operation, attempt: Attempt, leakedIds: string[], shared = 0) => {
    const verdict = judge(operation, attempt, leakedIds.length, shared);
    out.push({ ...base, operation, result: verdict.result, rows: operation === 'INSERT' ? (attempt.ok ? 1 : 0) : leakedIds.length, leak: verdict.leak, ...(verdict.inconclusive ? { inconclusive: true } : {}) });
    if (!verdict.leak) return;
    const row = operation === 'INSERT' ? victimRows[0]! : (victimRows.find((r) => String(r[key]) === leakedIds[0]) ?? victimRows[0]!);
    const blamed = await culprits(ctx, session, meta, attacker, operation, row);
    out[out.length - 1]!.policies = blamed.map((p) => p.name).join(' | ') || 'none found (a grant without RLS?)';
    const condition = ownerCondition(meta, tables, operation === 'INSERT' && meta.columns.find((c) => c.name === meta.ownerPath?.[0]?.column)?.notNull === false);
    for (const policy of blamed) if (condition) fixes.add(restrictPolicy(policy, operation, condition));
  };

  const read = await session.attemptAs(attacker, `SELECT coalesce(array_agg(${ident(key)}::text), '{}') AS seen FROM ${meta.sql} WHERE ${ident(key)} = ANY ($1::${keyType}[])`, [ids]);
  const seen = read.ok ? ((read.first?.seen as string[]) ?? []) : [];
  // Of what was seen, only rows B does not share on purpose are a leak (checked as the owner).
  const shared = seen.length
    ? (await session.client.query<{ id: string }>(`SELECT ${ident(key)}::text AS id FROM ${meta.sql} WHERE ${ident(key)} = ANY ($1::${keyType}[]) AND (${sharedPredicate(meta.name, attacker.userId ?? null)})`, [seen])).rows.map((r) => r.id)
    : [];
  await record('SELECT', read, seen.filter((id) => !shared.includes(id)), shared.length);

  for (const operation of ['UPDATE', 'DELETE'] as const) {
    const sql = operation === 'UPDATE'
      ? `UPDATE ${meta.sql} SET ${ident(key)} = ${ident(key)} WHERE ${ident(key)} = ANY ($1::${keyType}[]) RETURNING ${ident(key)}::text AS id`
      : `DELETE FROM ${meta.sql} WHERE ${ident(key)} = ANY ($1::${keyType}[]) RETURNING ${ident(key)}::text AS id`;
    // RETURNING needs SELECT rights on the rows; the row count is what matters, so count instead.
    const attempt = await session.attemptAs(attacker, sql.replace(/ RETURNING .*$/, ''), [ids]);
    await record(operation, attempt, attempt.ok ? ids.slice(0, attempt.rows) : []);
  }

  if (!INSERT_FOR_OTHERS.has(meta.name)) await record('INSERT', await insertAsOther(session, meta, attacker, victimRows[0]!), []);
  return out;
}

/**
 * The attacker inserts B's row: B's own row is first deleted as the owner (so no key or unique
 * value collides), then re-inserted as the attacker, and everything is rolled back. Where the
 * delete is refused, a fresh copy of B's row is inserted instead.
 */
async function insertAsOther(session: ProbeSession, meta: TableMeta, attacker: Persona, row: Row): Promise<Attempt> {
  const key = meta.primaryKey[0]!;
  const keyType = meta.columns.find((c) => c.name === key)!.type;
  await session.client.query('SAVEPOINT insert_as_other');
  try {
    const removed = await session.keep(`DELETE FROM ${meta.sql} WHERE ${ident(key)} = $1::${keyType}`, [row[key]]);
    const ownerColumns = meta.ownerPath?.length ? [meta.ownerPath[0]!.column] : meta.primaryKey;
    const values = removed.ok ? row : freshCopy(meta, row, ownerColumns);
    const columns = meta.columns.filter((c) => c.insertable && c.name in values).map((c) => ident(c.name));
    return await session.attemptAs(attacker, `INSERT INTO ${meta.sql} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_record(NULL::${meta.sql}, $1)`, [JSON.stringify(values)]);
  } finally {
    await session.client.query('ROLLBACK TO SAVEPOINT insert_as_other');
  }
}
