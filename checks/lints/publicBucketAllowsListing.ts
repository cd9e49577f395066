import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { loadBuckets } from '../storageChecks.ts';
import { topLevelConjuncts } from './multiplePermissivePolicies.ts';
import { appliesTo, coversCommand, loadPolicies, policyTarget, type Policy } from './policyCatalog.ts';

const BUCKET_TEST = /^bucket_id\s*=\s*'((?:[^']|'')*)'(::text)?$/;
// auth.role() = 'authenticated' (plain or as a sub-select) narrows who lists, not what they list.
const ROLE_TEST = /^\(?\s*(SELECT\s+)?auth\.role\(\)(\s+AS\s+role)?\s*\)?\s*=\s*'(anon|authenticated)'::text$/i;

/**
 * Supabase's public_bucket_allows_listing: a public bucket serves its files by URL with no policy
 * at all, so a SELECT policy on storage.objects that only names the bucket adds one thing: anyone
 * may list every file in it (every buyer's uploaded image, by name).
 */
export const publicBucketAllowsListing: CheckDefinition = {
  id: 'lint.public-bucket-allows-listing',
  title: 'Public buckets cannot be listed through a broad SELECT policy',
  checklistSection: 'Storage Buckets Setup',
  defaultLevel: 'warn',
  splinter: { lints: ['0025'], beyond: "also a policy that adds only a role test (auth.role() = 'authenticated'): every signed-in user still lists the bucket" },
  async run(ctx) {
    const buckets = await loadBuckets(ctx);
    if (buckets === null) return skip('no storage.buckets table (not a Supabase-like target)');
    const policies = (await loadPolicies(ctx)).filter(
      (p) => p.schema === 'storage' && p.table === 'objects' && p.permissive && coversCommand(p, 'SELECT') && ['anon', 'authenticated'].some((role) => appliesTo(p, role)),
    );
    const evidence = buckets
      .filter((bucket) => bucket.public)
      .flatMap((bucket) => policies.filter((p) => listsWholeBucket(p, bucket.id)).map((p) => ({ bucket: bucket.id, public: true, policy: p.name, command: p.command, using: p.usingExpr ?? '(none)' })));
    if (evidence.length === 0) return pass(`no public bucket (${buckets.filter((b) => b.public).map((b) => b.id).join(', ') || 'none'}) can be listed through a broad SELECT policy`);
    const named = [...new Set(evidence.map((e) => e.bucket))];
    return finding(
      `${named.length} public buckets can be listed by anyone their policy admits: ${named.join(', ')}; public URLs need no SELECT policy`,
      evidence,
      [...new Map(evidence.map((e) => [e.policy, `DROP POLICY ${policyTarget({ schema: 'storage', table: 'objects', name: e.policy })};`])).values()].join('\n'),
    );
  },
};

/** USING absent, true, or nothing but `bucket_id = '<bucket>'` and role tests. */
function listsWholeBucket(policy: Policy, bucket: string): boolean {
  const using = policy.usingExpr;
  if (using === null || ['true', '1=1'].includes(using.replace(/[\s()]/g, '').toLowerCase())) return true;
  const terms = topLevelConjuncts(using).map((term) => term.trim().replace(/^\((.*)\)$/s, '$1').trim());
  const names = terms.map((term) => BUCKET_TEST.exec(term)?.[1]?.replace(/''/g, "'"));
  return names.includes(bucket) && terms.every((term, i) => names[i] !== undefined || ROLE_TEST.test(term));
}
