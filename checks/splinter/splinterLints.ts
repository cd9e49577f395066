/**
 * Supabase's own advisor (splinter, the dashboard's "Database Advisors"): the lints a GOMFLOW
 * database can trigger, by number, with splinter's name and level. Checks name the lints they
 * correspond to, so a reader of the dashboard and of the report can map one to the other.
 */
export const SPLINTER_LINTS = {
  '0001': { name: 'unindexed_foreign_keys', level: 'INFO' },
  '0002': { name: 'auth_users_exposed', level: 'ERROR' },
  '0003': { name: 'auth_rls_initplan', level: 'WARN' },
  '0004': { name: 'no_primary_key', level: 'INFO' },
  '0005': { name: 'unused_index', level: 'INFO' },
  '0006': { name: 'multiple_permissive_policies', level: 'WARN' },
  '0007': { name: 'policy_exists_rls_disabled', level: 'ERROR' },
  '0008': { name: 'rls_enabled_no_policy', level: 'INFO' },
  '0009': { name: 'duplicate_index', level: 'WARN' },
  '0010': { name: 'security_definer_view', level: 'ERROR' },
  '0011': { name: 'function_search_path_mutable', level: 'WARN' },
  '0013': { name: 'rls_disabled_in_public', level: 'ERROR' },
  '0014': { name: 'extension_in_public', level: 'WARN' },
  '0015': { name: 'rls_references_user_metadata', level: 'ERROR' },
  '0016': { name: 'materialized_view_in_api', level: 'WARN' },
  '0021': { name: 'fkey_to_auth_unique', level: 'ERROR' },
  '0023': { name: 'sensitive_columns_exposed', level: 'ERROR' },
  '0024': { name: 'rls_policy_always_true', level: 'WARN' },
  '0025': { name: 'public_bucket_allows_listing', level: 'WARN' },
  '0028': { name: 'anon_security_definer_function_executable', level: 'WARN' },
  '0029': { name: 'authenticated_security_definer_function_executable', level: 'WARN' },
} as const satisfies Record<string, { name: string; level: SplinterLevel }>;

export type SplinterLevel = 'ERROR' | 'WARN' | 'INFO';
export type SplinterNumber = keyof typeof SPLINTER_LINTS;

/** A lint as results.json names it: `{ id: '0011_function_search_path_mutable', level: 'WARN' }`. */
export interface SplinterTag {
  id: string;
  level: SplinterLevel;
}

export function splinterTag(number: SplinterNumber): SplinterTag {
  const lint = SPLINTER_LINTS[number];
  return { id: splinterId(number), level: lint.level };
}

/** `0011_function_search_path_mutable`: the id splinter's docs and the dashboard use. */
export function splinterId(number: SplinterNumber): string {
  return `${number}_${SPLINTER_LINTS[number].name}`;
}

/**
 * Schemas splinter never lints: PostgreSQL's own and those Supabase manages (auth, storage,
 * realtime …), plus this harness's bookkeeping schema, which is not GOMFLOW's.
 */
export const NOT_USER_SCHEMAS = [
  'pg_catalog', 'information_schema', 'pg_toast', 'auth', 'storage', 'extensions', 'realtime', 'graphql', 'graphql_public',
  'vault', 'pgsodium', 'pgsodium_masks', 'cron', 'net', 'pgbouncer', 'pgtle', 'supabase_functions', 'supabase_migrations', 'gomflow_loadtest',
];
