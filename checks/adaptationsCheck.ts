import { advisory, pass, skip, type CheckDefinition } from './checkTypes.ts';

// Adaptations that only make production's file re-runnable end in the same objects.
const SAME_OBJECTS = new Set(['idempotent-form', 'paraphrased-content', 'omitted']);

/**
 * schema.adaptations: what applying the schema had to change from production's file to run on
 * this server (recorded by the schema apply in gomflow_loadtest.schema_adaptations).
 */
export const schemaAdaptations: CheckDefinition = {
  id: 'schema.adaptations',
  title: "Adaptations of production's schema needed to run on this server",
  checklistSection: 'Phase 1: Core Schema',
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows: present } = await ctx.client.query<{ ok: boolean }>(`SELECT to_regclass('gomflow_loadtest.schema_adaptations') IS NOT NULL AS ok`);
    if (!present[0]!.ok) return skip('no gomflow_loadtest.schema_adaptations: the schema was not applied by gomflow-load');
    const { rows } = await ctx.client.query<{ object: string; kind: string; reason: string; original: string | null; adapted: string | null }>(
      `SELECT object, kind, reason, original, adapted FROM gomflow_loadtest.schema_adaptations ORDER BY recorded_at, object`,
    );
    if (rows.length === 0) return pass('the schema ran unchanged');
    const changed = rows.filter((r) => !SAME_OBJECTS.has(r.kind));
    const evidence = rows.map((r) => ({ object: r.object, kind: r.kind, reason: r.reason, original: r.original, adapted: r.adapted }));
    if (changed.length === 0) return pass(`${rows.length} adaptations, all only make the file re-runnable (same objects)`, evidence);
    return advisory(
      `${changed.length} adaptations change production's file so it runs here: ${changed.map((r) => `${r.object} (${r.kind})`).join('; ')}; ${rows.length - changed.length} more only make it re-runnable`,
      evidence,
    );
  },
};
