import { randomUUID } from 'node:crypto';
import type { AuthContext } from './authContext.ts';
import type { AuthRequest, AuthResponse } from './authTypes.ts';
import { deleteUser, findUserById, insertUser, listUsers, type AuthUserChanges, type AuthUserRow } from './authUserStore.ts';
import { verifyAdminBearer } from './gotrueBearer.ts';
import { jsonResponse } from './jsonResponse.ts';
import { GotrueError } from './gotrueError.ts';
import { gotrueUser } from './gotrueUser.ts';
import { mergeMetadata } from './mergeMetadata.ts';
import { normaliseEmail } from './normaliseEmail.ts';
import { hashNewPassword } from './passwordRules.ts';
import { objectField, readAuthBody, stringField } from './readAuthBody.ts';
import { updateUserOrConflict } from './updateUserOrConflict.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /admin/users and /admin/users/{id}, for a service_role bearer (GoTrue's requireAdmin). */
export async function adminUsers(ctx: AuthContext, request: AuthRequest): Promise<AuthResponse> {
  await verifyAdminBearer(request.headers, ctx.jwtSecret);
  const id = /^\/admin\/users\/([^/]+)$/.exec(request.path)?.[1];
  if (id === undefined) {
    if (request.method === 'GET') return list(ctx, request);
    if (request.method === 'POST') return jsonResponse(gotrueUser(await create(ctx, request)));
    throw new GotrueError(405, 'validation_failed', `${request.method} is not allowed on /admin/users`);
  }
  const user = UUID.test(id) ? await findUserById(ctx.pool, id) : undefined;
  if (!user) throw new GotrueError(404, 'user_not_found', 'User not found');
  if (request.method === 'GET') return jsonResponse(gotrueUser(user));
  if (request.method === 'PUT') return jsonResponse(gotrueUser(await update(ctx, request, user)));
  if (request.method === 'DELETE') {
    await deleteUser(ctx.pool, user.id);
    return jsonResponse({});
  }
  throw new GotrueError(405, 'validation_failed', `${request.method} is not allowed on /admin/users/{id}`);
}

/** A page of users with GoTrue's pagination headers (auth-js reads X-Total-Count and Link). */
async function list(ctx: AuthContext, request: AuthRequest): Promise<AuthResponse> {
  const page = positive(request.query.get('page'), 1);
  const perPage = positive(request.query.get('per_page'), 50);
  const { users, total } = await listUsers(ctx.pool, page, perPage);
  const last = Math.max(1, Math.ceil(total / perPage));
  const links = [...(page < last ? [`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`] : []), `</admin/users?page=${last}&per_page=${perPage}>; rel="last"`];
  return jsonResponse({ users: users.map(gotrueUser), aud: 'authenticated' }, { 'x-total-count': String(total), link: links.join(', ') });
}

async function create(ctx: AuthContext, request: AuthRequest): Promise<AuthUserRow> {
  const body = readAuthBody(request);
  const rawEmail = stringField(body, 'email');
  if (!rawEmail) throw new GotrueError(400, 'validation_failed', 'the local stack creates users by email only; phone users are not supported');
  const password = stringField(body, 'password');
  const user = await insertUser(ctx.pool, {
    id: randomUUID(),
    email: normaliseEmail(rawEmail),
    passwordHash: password === undefined ? null : await hashNewPassword(password),
    confirmed: body.email_confirm === true,
    appMetadata: { provider: 'email', providers: ['email'], ...objectField(body, 'app_metadata') },
    userMetadata: objectField(body, 'user_metadata') ?? {},
  });
  if (!user) throw new GotrueError(422, 'email_exists', 'A user with this email address has already been registered');
  return user;
}

async function update(ctx: AuthContext, request: AuthRequest, user: AuthUserRow): Promise<AuthUserRow> {
  const body = readAuthBody(request);
  const changes: AuthUserChanges = {};
  const email = stringField(body, 'email');
  if (email !== undefined) changes.email = normaliseEmail(email);
  const password = stringField(body, 'password');
  if (password !== undefined) changes.passwordHash = await hashNewPassword(password);
  if (body.email_confirm === true) changes.confirm = true;
  const userMetadata = objectField(body, 'user_metadata');
  if (userMetadata) changes.userMetadata = mergeMetadata(user.raw_user_meta_data, userMetadata);
  const appMetadata = objectField(body, 'app_metadata');
  if (appMetadata) changes.appMetadata = mergeMetadata(user.raw_app_meta_data, appMetadata);
  return updateUserOrConflict(ctx.pool, user.id, changes);
}

function positive(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
