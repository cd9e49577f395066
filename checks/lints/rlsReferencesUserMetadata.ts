import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { loadPolicies } from './policyCatalog.ts';

// auth.jwt() or the raw claims, followed somewhere in the expression by user_metadata.
const READS_USER_METADATA = /(auth\.jwt\(\)|current_setting\([^)]*request\.jwt\.claims)[\s\S]*user_metadata/;

/**
 * Supabase's rls_references_user_metadata: `user_metadata` in the JWT is whatever the user
 * wrote at sign-up (auth.updateUser changes it too), so a policy that trusts it trusts the user.
 * Use app_metadata, which only the server sets.
 */
export const rlsReferencesUserMetadata: CheckDefinition = {
  id: 'lint.rls-references-user-metadata',
  title: 'No policy trusts user_metadata from the JWT',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0015'], beyond: 'also storage.objects policies' },
  async run(ctx) {
    const policies = (await loadPolicies(ctx)).filter((p) => READS_USER_METADATA.test(p.usingExpr ?? '') || READS_USER_METADATA.test(p.checkExpr ?? ''));
    if (policies.length === 0) return pass('no policy reads user_metadata from the JWT');
    // What the policy should test instead depends on what the app put in app_metadata: no SQL is guessed.
    return finding(
      `${policies.length} policies decide on user_metadata, which every user may edit; read app_metadata instead: ${policies.map((p) => `${p.table} "${p.name}"`).join(', ')}`,
      policies.map((p) => ({ table: `${p.schema}.${p.table}`, policy: p.name, command: p.command, using: p.usingExpr, withCheck: p.checkExpr })),
    );
  },
};
