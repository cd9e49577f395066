import type { AuthUserRow } from './authUserStore.ts';

/**
 * A user as GoTrue serialises it (AU models/user.go). The local stack writes only `email`
 * identities (provider_id = user id), so that identity is told from the user row.
 */
export function gotrueUser(row: AuthUserRow): Record<string, unknown> {
  const time = (value: Date | null) => value?.toISOString() ?? undefined;
  const email = row.email ?? '';
  return {
    id: row.id,
    aud: row.aud ?? 'authenticated',
    role: row.role ?? 'authenticated',
    email,
    email_confirmed_at: time(row.email_confirmed_at),
    phone: '',
    confirmed_at: time(row.email_confirmed_at),
    last_sign_in_at: time(row.last_sign_in_at),
    app_metadata: row.raw_app_meta_data ?? {},
    user_metadata: row.raw_user_meta_data ?? {},
    identities: !row.has_email_identity ? [] : [
      {
        identity_id: row.id,
        id: row.id,
        user_id: row.id,
        identity_data: { email, email_verified: row.email_confirmed_at !== null, phone_verified: false, sub: row.id },
        provider: 'email',
        last_sign_in_at: time(row.last_sign_in_at),
        created_at: time(row.created_at),
        updated_at: time(row.updated_at),
        email,
      },
    ],
    created_at: time(row.created_at),
    updated_at: time(row.updated_at),
    is_anonymous: false,
  };
}
