import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { loadRlsTables } from '../lints/rlsTables.ts';
import { qualified } from '../sqlText.ts';

/**
 * rls.enabled: the checklist's query (pg_tables.rowsecurity = false), over the catalog. A table
 * without RLS is open to anon through the API, whatever its policies say.
 */
export const rlsEnabled: CheckDefinition = {
  id: 'rls.enabled',
  title: 'Row level security is enabled on every public table',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  async run(ctx) {
    const tables = await loadRlsTables(ctx);
    if (tables.length === 0) return skip('no public tables');
    const off = tables.filter((t) => !t.rlsEnabled);
    if (off.length === 0) return pass(`RLS enabled on ${tables.length} of ${tables.length} public tables`);
    return finding(
      `RLS disabled on ${off.length} of ${tables.length} public tables: ${off.map((t) => t.table).join(', ')}${off.some((t) => t.policies > 0) ? ' (some have policies, which do nothing while RLS is off)' : ''}`,
      off.map((t) => ({ table: `public.${t.table}`, rls: 'disabled', policies: t.policies })),
      off.map((t) => `ALTER TABLE ${qualified('public', t.table)} ENABLE ROW LEVEL SECURITY;`).join('\n'),
    );
  },
};
