import { runUuid } from '../runUuid.ts';
import { TABLE_CODES, type TableSpec } from '../types.ts';
import { account, accountCount } from '../world/people.ts';
import { at } from './rowValues.ts';

/**
 * auth.identities: the one `email` identity GoTrue gives every password user and needs to sign
 * them in; provider_id is the user's id, as GoTrue's sign-up writes it. `email` is a generated
 * column (lower(identity_data->>'email')), so it is not copied.
 */
export const authIdentitiesSpec: TableSpec = {
  table: 'auth.identities',
  columns: ['id', 'provider_id', 'user_id', 'identity_data', 'provider', 'last_sign_in_at', 'created_at', 'updated_at'],
  dependsOn: ['auth.users'],
  estimateRows: (ctx) => accountCount(ctx),
  *rows(ctx) {
    const n = accountCount(ctx);
    for (let u = 0; u < n; u += 1) {
      const a = account(ctx, u);
      yield [
        runUuid(ctx.runTag, TABLE_CODES['auth.identities'], u),
        a.userId,
        a.userId,
        { sub: a.userId, email: a.email, email_verified: true, phone_verified: false },
        'email',
        at(a.lastSignInAtMs),
        at(a.createdAtMs),
        at(Math.max(a.updatedAtMs, a.lastSignInAtMs)),
      ];
    }
  },
};
