import { GOMFLOW_TABLE_GROUPS, type TableGroup } from '../../stack/schema/gomflowCatalog.ts';
import { finding, pass, skip, type CheckContext, type CheckDefinition, type Evidence } from '../checkTypes.ts';
import { checkSql } from '../sqlText.ts';
import { EXPECTED_COLUMNS } from './expectedTables.ts';

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  not_null: boolean;
}

/** Columns of the live public tables, `name type[!]` per table as EXPECTED_COLUMNS writes them. */
function loadColumns(ctx: CheckContext): Promise<Map<string, Map<string, string>>> {
  return ctx.memo('columns', async () => {
    const { rows } = await ctx.client.query<ColumnRow>(checkSql('columns'));
    const tables = new Map<string, Map<string, string>>();
    for (const row of rows) {
      if (!tables.has(row.table)) tables.set(row.table, new Map());
      tables.get(row.table)!.set(row.column, `${row.type}${row.not_null ? '!' : ''}`);
    }
    return tables;
  });
}

const SECTION = 'Phase 2: Schema Validation';

/** schema.tables: all 31 tables, and tables gomflow-schema.md does not describe. */
export const schemaTables: CheckDefinition = {
  id: 'schema.tables',
  title: 'All 31 GOMFLOW tables exist',
  checklistSection: SECTION,
  defaultLevel: 'fail',
  async run(ctx) {
    const live = await loadColumns(ctx);
    const expected = Object.keys(EXPECTED_COLUMNS);
    const missing = expected.filter((t) => !live.has(t));
    const extra = [...live.keys()].filter((t) => !(t in EXPECTED_COLUMNS));
    const evidence: Evidence[] = [...missing.map((table) => ({ table, problem: 'missing' })), ...extra.map((table) => ({ table, problem: 'not in gomflow-schema.md' }))];
    const counts = `${expected.length - missing.length} of ${expected.length} tables`;
    if (missing.length > 0) return finding(`${counts}; missing: ${missing.join(', ')}${extra.length ? `; extra: ${extra.join(', ')}` : ''}`, evidence);
    return pass(`${counts}${extra.length ? `; ${extra.length} more not in gomflow-schema.md: ${extra.join(', ')}` : ''}`, evidence);
  },
};

/** schema.tables.core … schema.tables.monitoring: one checklist line per system. */
export const schemaTableGroups: CheckDefinition[] = (Object.keys(GOMFLOW_TABLE_GROUPS) as TableGroup[]).map((group) => ({
  id: `schema.tables.${group}`,
  title: `The ${GOMFLOW_TABLE_GROUPS[group].length} ${group} tables exist`,
  checklistSection: 'Phase 1: Core Schema',
  defaultLevel: 'fail',
  async run(ctx) {
    const live = await loadColumns(ctx);
    const tables: readonly string[] = GOMFLOW_TABLE_GROUPS[group];
    const missing = tables.filter((t) => !live.has(t));
    const detail = `${tables.length - missing.length} of ${tables.length} ${group} tables`;
    return missing.length > 0 ? finding(`${detail}; missing: ${missing.join(', ')}`, missing.map((table) => ({ table, problem: 'missing' }))) : pass(detail);
  },
}));

/** schema.columns: every documented column exists with its type and nullability; no undocumented ones. */
export const schemaColumns: CheckDefinition = {
  id: 'schema.columns',
  title: 'Columns match gomflow-schema.md (names, types, NOT NULL)',
  checklistSection: SECTION,
  defaultLevel: 'fail',
  async run(ctx) {
    const live = await loadColumns(ctx);
    const evidence: Evidence[] = [];
    let compared = 0;
    for (const [table, specs] of Object.entries(EXPECTED_COLUMNS)) {
      const columns = live.get(table);
      if (!columns) continue;
      const documented = new Set<string>();
      for (const spec of specs) {
        const [name, ...rest] = spec.split(' ') as [string, ...string[]];
        const expected = rest.join(' ');
        documented.add(name);
        compared += 1;
        const actual = columns.get(name);
        if (actual === undefined) evidence.push({ table, column: name, expected, actual: null, problem: 'missing' });
        else if (actual !== expected) evidence.push({ table, column: name, expected, actual, problem: actual.replace(/!$/, '') === expected.replace(/!$/, '') ? 'nullability differs' : 'type differs' });
      }
      for (const [name, actual] of columns) if (!documented.has(name)) evidence.push({ table, column: name, expected: null, actual, problem: 'not in gomflow-schema.md' });
    }
    if (compared === 0) return skip('none of the GOMFLOW tables exists (see schema.tables)');
    if (evidence.length === 0) return pass(`${compared} columns of ${live.size} tables match gomflow-schema.md (type and NOT NULL; "!" marks NOT NULL)`);
    const kinds = [...new Set(evidence.map((e) => e.problem))].map((p) => `${evidence.filter((e) => e.problem === p).length} ${p}`).join(', ');
    return finding(`${evidence.length} column differences from gomflow-schema.md: ${kinds}`, evidence);
  },
};
