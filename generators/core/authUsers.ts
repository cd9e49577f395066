import type { TableSpec } from '../types.ts';
import { account, accountCount } from '../world/people.ts';
import { at } from './rowValues.ts';
import { seedPasswordHash } from './seedPassword.ts';

const APP_META = '{"provider":"email","providers":["email"]}';

/**
 * auth.users: GOMs, then buyers with accounts, as GoTrue accepts them (with their identities,
 * authIdentities.ts): confirmed e-mail, role and audience `authenticated`, the e-mail provider in
 * raw_app_meta_data, and the token columns GoTrue scans as strings set to '' (NULL there fails
 * every sign-in, supabase/auth#1940); the other columns take GoTrue's defaults. Every user
 * shares one bcrypt hash of SEED_PASSWORD, so any seeded user can sign in, locally and on Supabase.
 */
export const authUsersSpec: TableSpec = {
  table: 'auth.users',
  columns: ['instance_id', 'id', 'aud', 'role', 'email', 'encrypted_password', 'email_confirmed_at', 'confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change', 'raw_app_meta_data', 'raw_user_meta_data', 'created_at', 'updated_at', 'last_sign_in_at'],
  dependsOn: [],
  estimateRows: (ctx) => accountCount(ctx),
  *rows(ctx) {
    const hash = seedPasswordHash(ctx.seed);
    const n = accountCount(ctx);
    for (let u = 0; u < n; u += 1) {
      const a = account(ctx, u);
      // Sign-up confirmation e-mails are clicked within minutes.
      const confirmed = a.createdAtMs + 60_000 + (a.userSequence % 17) * 23_000;
      yield [
        '00000000-0000-0000-0000-000000000000',
        a.userId,
        'authenticated',
        'authenticated',
        a.email,
        hash,
        at(confirmed),
        '',
        '',
        '',
        '',
        APP_META,
        { name: a.name, username: a.username, country: a.country },
        at(a.createdAtMs),
        at(Math.max(a.updatedAtMs, a.lastSignInAtMs)),
        at(a.lastSignInAtMs),
      ];
    }
  },
};
