import { randomUUID } from 'node:crypto';
import type { AuthContext } from './authContext.ts';
import { createSession } from './authSessionStore.ts';
import type { AuthRequest } from './authTypes.ts';
import { insertUser } from './authUserStore.ts';
import { GotrueError } from './gotrueError.ts';
import { normaliseEmail } from './normaliseEmail.ts';
import { hashNewPassword } from './passwordRules.ts';
import { objectField, readAuthBody, stringField } from './readAuthBody.ts';
import { sessionResponse } from './sessionResponse.ts';

/** E-mail sign-up, confirmed at once as with GOTRUE_MAILER_AUTOCONFIRM, so it answers with a session. */
export async function signup(ctx: AuthContext, request: AuthRequest): Promise<Record<string, unknown>> {
  const body = readAuthBody(request);
  const rawEmail = stringField(body, 'email');
  if (!rawEmail) throw new GotrueError(400, 'validation_failed', 'To signup, please provide your email');
  const password = stringField(body, 'password');
  if (!password) throw new GotrueError(400, 'validation_failed', 'Signup requires a valid password');
  const email = normaliseEmail(rawEmail);
  const passwordHash = await hashNewPassword(password);
  const user = await insertUser(ctx.pool, {
    id: randomUUID(),
    email,
    passwordHash,
    confirmed: true,
    appMetadata: { provider: 'email', providers: ['email'] },
    userMetadata: objectField(body, 'data') ?? {},
  });
  if (!user) throw new GotrueError(422, 'user_already_exists', 'User already registered');
  return sessionResponse(ctx, user, await createSession(ctx.pool, user.id, request.headers['user-agent']));
}
