import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { ident } from '../sqlText.ts';

/**
 * Supabase's extension_in_public: an extension's functions and operators in public are part of
 * the API schema (callable through /rpc, shadowing or shadowed by the app's names). Supabase keeps
 * them in `extensions`, which is on every role's search_path. plpgsql lives in pg_catalog.
 */
export const extensionInPublic: CheckDefinition = {
  id: 'lint.extension-in-public',
  title: 'No extension is installed in schema public',
  checklistSection: 'Database Security',
  defaultLevel: 'warn',
  splinter: { lints: ['0014'] },
  async run(ctx) {
    const { rows } = await ctx.client.query<{ name: string; version: string; relocatable: boolean }>(
      `SELECT e.extname AS name, e.extversion AS version, e.extrelocatable AS relocatable
       FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE n.nspname = 'public' AND e.extname <> 'plpgsql' ORDER BY e.extname`,
    );
    if (rows.length === 0) return pass('no extension lives in schema public');
    return finding(
      `${rows.length} extensions are installed in schema public: ${rows.map((row) => row.name).join(', ')}; move them to schema extensions`,
      rows.map((row) => ({ extension: row.name, version: row.version, schema: 'public', relocatable: row.relocatable })),
      [
        'CREATE SCHEMA IF NOT EXISTS extensions;',
        ...rows.map((row) =>
          row.relocatable
            ? `ALTER EXTENSION ${ident(row.name)} SET SCHEMA extensions;`
            : `-- ${row.name} cannot be relocated: DROP EXTENSION ${ident(row.name)}; then CREATE EXTENSION ${ident(row.name)} WITH SCHEMA extensions; (drops what depends on it)`,
        ),
      ].join('\n'),
    );
  },
};
