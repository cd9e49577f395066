import { existingApiRoles } from '../apiRoles.ts';
import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { qualified } from '../sqlText.ts';

// Column names that hold secrets or personal data, as splinter's sensitive_columns_exposed lists them.
const SENSITIVE_NAMES = [
  // credentials and sessions
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'secret_key', 'private_key', 'api_key', 'apikey', 'auth_key', 'token', 'jwt',
  'access_token', 'refresh_token', 'oauth_token', 'session_token', 'bearer_token', 'auth_code', 'session_id', 'session_key',
  'session_secret', 'recovery_code', 'backup_code', 'verification_code', 'otp', 'two_factor', '2fa_secret', '2fa_code',
  // identity documents
  'ssn', 'social_security', 'social_security_number', 'driver_license', 'drivers_license', 'license_number', 'passport_number',
  'passport_id', 'national_id', 'tax_id',
  // money
  'credit_card', 'card_number', 'cvv', 'cvc', 'cvn', 'bank_account', 'account_number', 'routing_number', 'iban', 'swift_code', 'bic',
  // health
  'health_record', 'medical_record', 'patient_id', 'insurance_number', 'health_insurance', 'medical_insurance', 'treatment',
  // devices, keys, biometrics
  'mac_address', 'macaddr', 'imei', 'device_uuid', 'pgp_key', 'gpg_key', 'ssh_key', 'certificate', 'license_key', 'activation_key',
  'facial_recognition',
];

/**
 * Supabase's sensitive_columns_exposed: a table the API exposes without RLS, readable by anon or
 * authenticated, with a column whose name says it holds a secret or personal data
 * (analytics_user_sessions.session_id would be one, were its RLS off).
 */
export const sensitiveColumnsExposed: CheckDefinition = {
  id: 'lint.sensitive-columns-exposed',
  title: 'No table without RLS exposes sensitive columns to the API',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0023'] },
  async run(ctx) {
    const roles = (await existingApiRoles(ctx)).filter((role) => role !== 'service_role');
    if (roles.length === 0) return skip('no anon or authenticated role: no table is reachable through the API');
    const { rows } = await ctx.client.query<{ schema: string; table: string; columns: string[]; readable_by: string[] }>(
      `SELECT n.nspname AS schema, c.relname AS table,
              array_agg(a.attname::text ORDER BY a.attnum) AS columns,
              ARRAY(SELECT role FROM unnest($1::text[]) AS role WHERE has_table_privilege(role, c.oid, 'SELECT') ORDER BY role)::text[] AS readable_by
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relkind IN ('r', 'p') AND NOT c.relrowsecurity AND n.nspname = ANY ($2::text[])
         AND replace(lower(a.attname), '-', '_') = ANY ($3::text[])
       GROUP BY n.nspname, c.relname, c.oid ORDER BY 1, 2`,
      [roles, ctx.apiSchemas, SENSITIVE_NAMES],
    );
    const exposed = rows.filter((row) => row.readable_by.length > 0);
    if (exposed.length === 0) return pass(`no table in ${ctx.apiSchemas.join(', ')} without RLS has a sensitive column readable by ${roles.join('/')}`);
    return finding(
      `${exposed.length} tables without RLS expose sensitive columns to ${roles.join('/')}: ${exposed.map((row) => `${row.table} (${row.columns.join(', ')})`).join('; ')}`,
      exposed.map((row) => ({ table: `${row.schema}.${row.table}`, columns: row.columns.join(', '), readableBy: row.readable_by.join(', '), rls: 'disabled' })),
      exposed.map((row) => `ALTER TABLE ${qualified(row.schema, row.table)} ENABLE ROW LEVEL SECURITY;`).join('\n'),
    );
  },
};
