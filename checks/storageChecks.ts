import { formatBytes } from '../core/format.ts';
import { finding, pass, skip, type CheckContext, type CheckDefinition, type CheckOutcome } from './checkTypes.ts';
import { loadPolicies } from './lints/policyCatalog.ts';
import { literal } from './sqlText.ts';
import { BUCKET_MIME_TYPES, EXPECTED_BUCKETS } from './schema/expectedObjects.ts';

const SECTION = 'Storage Buckets Setup';

export interface Bucket {
  id: string;
  public: boolean;
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
}

/** The buckets, or null where there is no storage schema. */
export function loadBuckets(ctx: CheckContext): Promise<Bucket[] | null> {
  return ctx.memo('buckets', async () => {
    const { rows: present } = await ctx.client.query<{ ok: boolean }>(`SELECT to_regclass('storage.buckets') IS NOT NULL AS ok`);
    if (!present[0]!.ok) return null;
    const { rows } = await ctx.client.query<{ id: string; public: boolean | null; file_size_limit: string | null; allowed_mime_types: string[] | null }>(
      `SELECT id, public, file_size_limit::int8 AS file_size_limit, allowed_mime_types FROM storage.buckets ORDER BY id`,
    );
    return rows.map((r) => ({ id: r.id, public: r.public ?? false, fileSizeLimit: r.file_size_limit === null ? null : Number(r.file_size_limit), allowedMimeTypes: r.allowed_mime_types }));
  });
}

async function withBuckets(ctx: CheckContext, run: (buckets: Bucket[]) => CheckOutcome | Promise<CheckOutcome>): Promise<CheckOutcome> {
  const buckets = await loadBuckets(ctx);
  return buckets === null ? skip('no storage.buckets table (not a Supabase-like target)') : run(buckets);
}

export const storageBuckets: CheckDefinition = {
  id: 'storage.buckets',
  title: 'The 4 buckets exist with the right public flag',
  checklistSection: SECTION,
  defaultLevel: 'fail',
  run: (ctx) =>
    withBuckets(ctx, (buckets) => {
      const evidence = Object.entries(EXPECTED_BUCKETS).map(([id, want]) => {
        const bucket = buckets.find((b) => b.id === id);
        return { bucket: id, exists: Boolean(bucket), public: bucket?.public ?? null, expectedPublic: want.public };
      });
      const extra = buckets.filter((b) => !(b.id in EXPECTED_BUCKETS)).map((b) => ({ bucket: b.id, exists: true, public: b.public, expectedPublic: null }));
      const wrong = evidence.filter((e) => !e.exists || e.public !== e.expectedPublic);
      const listing = evidence.map((e) => `${e.bucket} ${e.exists ? (e.public ? 'public' : 'private') : 'missing'}`).join(', ');
      if (wrong.length === 0) return pass(listing, [...evidence, ...extra]);
      const fixes = wrong.map((e) =>
        e.exists
          ? `UPDATE storage.buckets SET public = ${e.expectedPublic} WHERE id = ${literal(e.bucket)};`
          : `INSERT INTO storage.buckets (id, name, public) VALUES (${literal(e.bucket)}, ${literal(e.bucket)}, ${e.expectedPublic});`,
      );
      return finding(`${wrong.length} buckets missing or with the wrong public flag: ${listing}`, [...evidence, ...extra], fixes.join('\n'));
    }),
};

export const storagePolicies: CheckDefinition = {
  id: 'storage.policies',
  title: 'storage.objects has RLS on and policies for every bucket',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  splinter: { lints: [], beyond: 'policies on storage.objects per bucket; splinter lints storage only for public-bucket listing' },
  run: (ctx) =>
    withBuckets(ctx, async (buckets) => {
      const { rows } = await ctx.client.query<{ rls: boolean }>(`SELECT relrowsecurity AS rls FROM pg_class WHERE oid = 'storage.objects'::regclass`);
      const policies = (await loadPolicies(ctx)).filter((p) => p.schema === 'storage' && p.table === 'objects');
      // A policy is about a bucket when its deparsed expression compares bucket_id with that id.
      const about = (id: string) => policies.filter((p) => `${p.usingExpr ?? ''} ${p.checkExpr ?? ''}`.includes(`bucket_id = ${literal(id)}::text`));
      const evidence = buckets.map((b) => ({ bucket: b.id, policies: about(b.id).map((p) => `${p.command} "${p.name}"`).join('; ') || 'none' }));
      const bare = evidence.filter((e) => e.policies === 'none');
      const rls = rows[0]?.rls ?? false;
      if (rls && bare.length === 0) return pass(`RLS on storage.objects; ${policies.length} policies cover all ${buckets.length} buckets`, evidence);
      return finding(
        [rls ? '' : 'RLS is off on storage.objects', bare.length ? `no policy for ${bare.map((e) => e.bucket).join(', ')}` : ''].filter(Boolean).join('; '),
        [{ table: 'storage.objects', rls }, ...evidence],
        rls ? undefined : 'ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;',
      );
    }),
};

export const storageSizeLimits: CheckDefinition = {
  id: 'storage.size-limits',
  title: 'Every bucket has a file_size_limit of 50 MB or less',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  run: (ctx) =>
    withBuckets(ctx, (buckets) => {
      const max = ctx.maxFileSizeBytes;
      const evidence = buckets.map((b) => ({ bucket: b.id, public: b.public, fileSizeLimit: b.fileSizeLimit, maxAllowed: max }));
      const bad = buckets.filter((b) => b.fileSizeLimit === null || b.fileSizeLimit > max);
      if (bad.length === 0) return pass(`all ${buckets.length} buckets limit uploads to ${formatBytes(max)} or less`, evidence);
      return finding(
        `${bad.length} of ${buckets.length} buckets ${bad.every((b) => b.fileSizeLimit === null) ? 'have no file_size_limit' : 'allow files over the limit'}: ${bad.map((b) => b.id).join(', ')}`,
        evidence,
        bad.map((b) => `UPDATE storage.buckets SET file_size_limit = ${max} WHERE id = ${literal(b.id)};`).join('\n'),
      );
    }),
};

export const storageMimeTypes: CheckDefinition = {
  id: 'storage.mime-types',
  title: 'Every bucket restricts allowed_mime_types',
  checklistSection: SECTION,
  defaultLevel: 'warn',
  run: (ctx) =>
    withBuckets(ctx, (buckets) => {
      const evidence = buckets.map((b) => ({ bucket: b.id, allowedMimeTypes: b.allowedMimeTypes?.join(', ') ?? null }));
      const bad = buckets.filter((b) => !b.allowedMimeTypes || b.allowedMimeTypes.length === 0 || b.allowedMimeTypes.some((t) => t === '*/*' || t === '*'));
      if (bad.length === 0) return pass(`all ${buckets.length} buckets restrict MIME types`, evidence);
      const types = (id: string) => BUCKET_MIME_TYPES[id] ?? ['image/jpeg', 'image/png'];
      return finding(
        `${bad.length} of ${buckets.length} buckets accept any file type: ${bad.map((b) => b.id).join(', ')}`,
        evidence,
        bad.map((b) => `UPDATE storage.buckets SET allowed_mime_types = ARRAY[${types(b.id).map(literal).join(', ')}] WHERE id = ${literal(b.id)};`).join('\n'),
      );
    }),
};
