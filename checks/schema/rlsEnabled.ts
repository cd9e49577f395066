import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { loadRlsTables } from '../lints/rlsTables.ts';
import { qualified } from '../sqlText.ts';

/**
 * rls.enabled: the checklist's query (pg_tables.rowsecurity = false), over the catalog, for every
 * schema the API exposes (checks.apiSchemas). A table without RLS is open to anon through the
 * API, whatever its policies say.
 */
export const rlsEnabled: CheckDefinition = {
  id: 'rls.enabled',
  title: 'Row level security is enabled on every table the API exposes',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0013'], beyond: 'every table of the exposed schemas, also those anon and authenticated hold no SELECT on yet (splinter: only tables they can select)' },
  async run(ctx) {
    const tables = (await loadRlsTables(ctx)).filter((t) => ctx.apiSchemas.includes(t.schema));
    const where = ctx.apiSchemas.join(', ');
    if (tables.length === 0) return skip(`no tables in ${where}`);
    const off = tables.filter((t) => !t.rlsEnabled);
    if (off.length === 0) return pass(`RLS enabled on ${tables.length} of ${tables.length} ${where} tables`);
    return finding(
      `RLS disabled on ${off.length} of ${tables.length} ${where} tables: ${off.map((t) => t.table).join(', ')}${off.some((t) => t.policies > 0) ? ' (some have policies, which do nothing while RLS is off)' : ''}`,
      off.map((t) => ({ table: `${t.schema}.${t.table}`, rls: 'disabled', policies: t.policies })),
      off.map((t) => `ALTER TABLE ${qualified(t.schema, t.table)} ENABLE ROW LEVEL SECURITY;`).join('\n'),
    );
  },
};
