import { randomUUID } from 'node:crypto';
import { finding, pass, skip, type Evidence } from '../checkTypes.ts';
import { culprits, restrictPolicy } from './culprits.ts';
import type { Row } from './fixtures.ts';
import { probeCheck } from './probeCheck.ts';
import { deniedByPrivileges } from './probeSession.ts';
import { loadTableMeta } from './tableMeta.ts';

/**
 * Who may read an object once the leak is fixed: its uploader (`owner_id`, text, on current
 * Supabase; the older uuid `owner` otherwise) and, in `payment-proofs`, the GOM of the order the
 * path names. GOMFLOW stores proofs at `payment-proofs/{orderId}/payment-proof-…` inside the
 * bucket (gomflow-traffic.md §3), so the order id is the second folder, not the first; the
 * comparison is on text so an odd path matches nothing instead of failing a uuid cast.
 */
export function readerCondition(bucketId: string, hasOwnerId: boolean, hasOrders: boolean): string {
  const uploader = hasOwnerId ? 'owner_id = ((SELECT auth.uid()))::text' : 'owner = (SELECT auth.uid())';
  if (bucketId !== 'payment-proofs' || !hasOrders) return uploader;
  const gom = 'EXISTS (SELECT 1 FROM public.orders o WHERE o.user_id = (SELECT auth.uid()) AND o.id::text = (storage.foldername(objects.name))[2])';
  return `(${uploader} OR ${gom})`;
}

/**
 * storage.access: per bucket, GOM A uploads `<A's id>/…` (inserted as the owner would be by the
 * Storage API), then GOM B reads it and anon lists the bucket. In a private bucket either one
 * seeing the object is a leak; in a public bucket it is the bucket's purpose.
 */
export const storageAccess = probeCheck({
  id: 'storage.access',
  title: "Users cannot read others' objects in private buckets; anon cannot list them",
  checklistSection: 'Security Verification',
  defaultLevel: 'fail',
  splinter: { lints: ['0025'], beyond: 'live probe as real users in a rolled-back transaction; splinter only reads the catalog: private buckets too (GOM B reads GOM A\'s payment proof)' },
  async run(ctx, personas, inProbe) {
    const tables = await loadTableMeta(ctx);
    const objects = tables.get('storage.objects');
    if (!objects) return skip('no storage.objects table');
    const { rows: buckets } = await ctx.client.query<{ id: string; public: boolean }>(`SELECT id, coalesce(public, false) AS public FROM storage.buckets ORDER BY id`);
    if (buckets.length === 0) return skip('no buckets');
    const evidence: Evidence[] = [];
    const fixes = new Set<string>();
    const hasOwnerId = objects.columns.some((c) => c.name === 'owner_id');
    const orders = tables.get('public.orders');
    const hasOrders = ['id', 'user_id'].every((name) => orders?.columns.some((c) => c.name === name));
    for (const bucket of buckets) {
      await inProbe(async (session) => {
        const owner = personas.gomA.userId!;
        const name = `${owner}/probe-${randomUUID().slice(0, 8)}.png`;
        const stored = await session.keep(
          `INSERT INTO storage.objects (bucket_id, name, owner, ${hasOwnerId ? 'owner_id, ' : ''}metadata)
           VALUES ($1, $2, $3::uuid, ${hasOwnerId ? '$3::text, ' : ''}'{"mimetype": "image/png", "size": 1024}') RETURNING to_jsonb(objects.*) AS row`,
          [bucket.id, name, owner],
        );
        if (!stored.ok) {
          evidence.push({ bucket: bucket.id, public: bucket.public, result: `skipped: could not store a test object (${stored.error})`, leak: false });
          return;
        }
        const object = stored.first!.row as Row;
        for (const reader of [personas.gomB, personas.anon]) {
          const attempt = await session.attemptAs(
            reader,
            reader === personas.anon ? `SELECT count(*)::int AS n FROM storage.objects WHERE bucket_id = $1` : `SELECT count(*)::int AS n FROM storage.objects WHERE id = $2 AND bucket_id = $1`,
            reader === personas.anon ? [bucket.id] : [bucket.id, object.id],
          );
          const seen = attempt.ok ? Number(attempt.first?.n ?? 0) : 0;
          const leak = !bucket.public && seen > 0;
          const row: Evidence = {
            bucket: bucket.id,
            public: bucket.public,
            persona: reader.label,
            operation: reader === personas.anon ? 'list bucket' : "read GOM A's object",
            object: name,
            result: !attempt.ok ? (deniedByPrivileges(attempt) ? 'denied' : `error: ${attempt.error}`) : seen > 0 ? `${seen} objects seen${bucket.public ? ' (public bucket)' : ''}` : '0 objects seen',
            rows: seen,
            leak,
          };
          if (leak) {
            const blamed = await culprits(ctx, session, objects, reader, 'SELECT', object);
            row.policies = blamed.map((p) => p.name).join(' | ');
            for (const p of blamed) fixes.add(restrictPolicy(p, 'SELECT', readerCondition(bucket.id, hasOwnerId, hasOrders)));
          }
          evidence.push(row);
        }
      });
    }
    const leaks = evidence.filter((e) => e.leak === true);
    const skipped = evidence.filter((e) => String(e.result).startsWith('skipped'));
    if (skipped.length === buckets.length) return skip(`no test object could be stored: ${String(skipped[0]!.result)}`, evidence);
    const summary = `${buckets.length - skipped.length} buckets probed with an object of GOM A's (read by GOM B, listed by anon)${skipped.length ? `; ${skipped.length} skipped` : ''}`;
    if (leaks.length === 0) return pass(summary, evidence);
    return finding(`${leaks.map((l) => `${l.persona} ${l.operation === 'list bucket' ? 'lists' : "reads GOM A's object in"} private bucket ${l.bucket}${l.policies ? ` (policy "${l.policies}")` : ''}`).join('; ')}; ${summary}`, evidence, [...fixes].join('\n'));
  },
});
