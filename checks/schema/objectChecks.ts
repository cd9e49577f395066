import { advisory, finding, pass, skip, type CheckDefinition, type CheckOutcome, type Evidence } from '../checkTypes.ts';
import { loadPolicies } from '../lints/policyCatalog.ts';
import { checkSql, qualified } from '../sqlText.ts';
import { CHECKLIST_CLAIMS, DUPLICATE_INDEXES, EXPECTED_FUNCTIONS, EXPECTED_TEMPLATES, EXPECTED_TRIGGERS, EXPECTED_VIEWS } from './expectedObjects.ts';
import { EXPECTED_INDEXES, EXPECTED_POLICIES } from './expectedTables.ts';

const SECTION = 'Phase 1: Core Schema';

/**
 * Missing objects are findings; a count below the checklist's claim is only advisory, since
 * the claim ("15+ functions") was never true of the schema the checklist deploys.
 */
function verdict(summary: string, claim: { real: number; claimed: number; what: string }, missing: string[], problems: Evidence[], extra: string[] = []): CheckOutcome {
  const extras = extra.map((name) => ({ object: name, problem: 'not in gomflow-schema.md' }));
  if (extra.length > 0) summary += `; ${extra.length} not in gomflow-schema.md`;
  const claimText = `the checklist claims ${claim.claimed}+ ${claim.what}: ${claim.real >= claim.claimed ? 'holds' : `there are ${claim.real}`}`;
  if (missing.length > 0 || problems.length > 0) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', problems.length ? `${problems.length} problems` : ''].filter(Boolean);
    return finding(`${summary}; ${parts.join('; ')}; ${claimText}`, [...missing.map((name) => ({ object: name, problem: 'missing' })), ...problems, ...extras]);
  }
  return claim.real >= claim.claimed ? pass(`${summary}; ${claimText}`, extras) : advisory(`${summary}; ${claimText} (claim vs reality, not a defect of the database)`, [{ claim: `${claim.claimed}+ ${claim.what}`, real: claim.real }, ...extras]);
}

export const schemaIndexes: CheckDefinition = {
  id: 'schema.indexes',
  title: 'All indexes exist and are valid (checklist: 100+)',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows } = await ctx.client.query<{ table: string; index: string; from_constraint: boolean; valid: boolean }>(checkSql('indexes'));
    const explicit = rows.filter((r) => !r.from_constraint);
    const names = new Set(rows.map((r) => r.index));
    const absent = Object.entries(EXPECTED_INDEXES).flatMap(([table, list]) => list.filter((name) => !names.has(name)).map((name) => ({ table, name })));
    // Production's duplicates of constraint indexes may be gone (lint.duplicate-index asks for exactly that) while their table stays.
    const tables = new Set(rows.map((r) => r.table));
    const isDropped = (a: { table: string; name: string }) => DUPLICATE_INDEXES.includes(a.name) && tables.has(a.table);
    const missing = absent.filter((a) => !isDropped(a)).map((a) => a.name);
    const dropped = absent.filter(isDropped).map((a) => a.name);
    const invalid = rows.filter((r) => !r.valid).map((r) => ({ object: r.index, table: r.table, problem: 'INVALID (a failed CREATE INDEX CONCURRENTLY); IF NOT EXISTS will skip it forever' }));
    const summary = `${explicit.length} explicit indexes, ${rows.length} with the ${rows.length - explicit.length} that PK/UNIQUE constraints create${dropped.length ? ` (${dropped.length} of production's duplicate indexes dropped: ${dropped.join(', ')})` : ''}`;
    const documented = new Set(Object.values(EXPECTED_INDEXES).flat());
    const extra = explicit.filter((r) => !documented.has(r.index)).map((r) => r.index);
    const outcome = verdict(summary, { real: explicit.length, claimed: CHECKLIST_CLAIMS.indexes, what: 'indexes' }, missing, invalid, extra);
    if (invalid.length > 0) outcome.remediationSql = invalid.map((r) => `REINDEX INDEX CONCURRENTLY ${qualified('public', r.object)};`).join('\n');
    return outcome;
  },
};

export const schemaFunctions: CheckDefinition = {
  id: 'schema.functions',
  title: 'All 9 GOMFLOW functions exist (checklist: 15+)',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows } = await ctx.client.query<{ name: string }>(checkSql('functions'));
    const names = new Set(rows.map((r) => r.name));
    const missing = Object.keys(EXPECTED_FUNCTIONS).filter((name) => !names.has(name));
    const extra = rows.filter((r) => !(r.name in EXPECTED_FUNCTIONS)).map((r) => r.name);
    return verdict(`${rows.length} functions`, { real: rows.length, claimed: CHECKLIST_CLAIMS.functions, what: 'functions' }, missing, [], extra);
  },
};

export const schemaTriggers: CheckDefinition = {
  id: 'schema.triggers',
  title: 'All 16 triggers exist and are enabled (checklist: 20+)',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows } = await ctx.client.query<{ table: string; trigger: string; enabled: boolean }>(checkSql('triggers'));
    const present = new Set(rows.map((r) => `${r.table}.${r.trigger}`));
    const missing = Object.entries(EXPECTED_TRIGGERS).flatMap(([table, triggers]) => triggers.map((t) => `${table}.${t}`)).filter((name) => !present.has(name));
    const disabled = rows.filter((r) => !r.enabled).map((r) => ({ object: `${r.table}.${r.trigger}`, problem: 'disabled' }));
    const documented = new Set(Object.entries(EXPECTED_TRIGGERS).flatMap(([table, triggers]) => triggers.map((t) => `${table}.${t}`)));
    const extra = [...present].filter((name) => !documented.has(name));
    const outcome = verdict(`${rows.length} triggers`, { real: rows.length, claimed: CHECKLIST_CLAIMS.triggers, what: 'triggers' }, missing, disabled, extra);
    if (disabled.length > 0) outcome.remediationSql = rows.filter((r) => !r.enabled).map((r) => `ALTER TABLE ${qualified('public', r.table)} ENABLE TRIGGER ${r.trigger};`).join('\n');
    return outcome;
  },
};

export const rlsPolicies: CheckDefinition = {
  id: 'rls.policies',
  title: 'All 57 policies exist (checklist: 50+)',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  async run(ctx) {
    const policies = await loadPolicies(ctx);
    const present = new Set(policies.map((p) => `${p.schema === 'public' ? '' : `${p.schema}.`}${p.table}: ${p.command} ${p.name}`));
    const documented = Object.entries(EXPECTED_POLICIES).flatMap(([table, list]) => list.map((p) => `${table}: ${p}`));
    const missing = documented.filter((name) => !present.has(name));
    const extra = [...present].filter((name) => !documented.includes(name));
    const onPublic = policies.filter((p) => p.schema === 'public').length;
    return verdict(`${policies.length} policies (${onPublic} on public tables, ${policies.length - onPublic} on storage.objects)`, { real: policies.length, claimed: CHECKLIST_CLAIMS.policies, what: 'policies' }, missing, [], extra);
  },
};

export const schemaViews: CheckDefinition = {
  id: 'schema.views',
  title: 'The 3 views exist (order_summaries, slow_queries, connection_stats)',
  checklistSection: 'Phase 2: Schema Validation',
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows } = await ctx.client.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass('public.' || quote_ident(name)) IS NOT NULL`, [EXPECTED_VIEWS]);
    const missing = EXPECTED_VIEWS.filter((view) => !rows.some((r) => r.name === view));
    if (missing.length === 0) return pass(`all ${EXPECTED_VIEWS.length} views exist`);
    const why = (view: string) => (view === 'slow_queries' ? "production's definition selects total_time/mean_time, which PG 13 renamed: CREATE VIEW fails" : 'not created');
    return finding(`missing views: ${missing.join(', ')}`, missing.map((view) => ({ view: `public.${view}`, problem: why(view) })));
  },
};

export const templatesLoaded: CheckDefinition = {
  id: 'templates.loaded',
  title: 'The 8 default notification templates are loaded',
  checklistSection: 'Initial Data Setup',
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows: present } = await ctx.client.query<{ ok: boolean }>(`SELECT to_regclass('public.notification_templates') IS NOT NULL AS ok`);
    if (!present[0]?.ok) return skip('notification_templates does not exist (see schema.tables)');
    const { rows } = await ctx.client.query<{ key: string; active: boolean }>(`SELECT type || '/' || channel AS key, coalesce(is_active, true) AS active FROM public.notification_templates WHERE language = 'en'`);
    const keys = new Set(rows.map((r) => r.key));
    const missing = EXPECTED_TEMPLATES.filter((key) => !keys.has(key));
    const inactive = rows.filter((r) => EXPECTED_TEMPLATES.includes(r.key) && !r.active).map((r) => ({ template: r.key, problem: 'inactive' }));
    if (missing.length === 0 && inactive.length === 0) return pass(`all ${EXPECTED_TEMPLATES.length} default templates present (${rows.length} English templates in all)`);
    return finding(`${missing.length} default templates missing${inactive.length ? `, ${inactive.length} inactive` : ''}`, [...missing.map((template) => ({ template, problem: 'missing' })), ...inactive]);
  },
};
