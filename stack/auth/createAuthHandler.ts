import type { AuthContext } from './authContext.ts';
import type { AuthRequest, AuthResponse } from './authTypes.ts';
import { adminUsers } from './adminUsersEndpoint.ts';
import { jsonResponse } from './jsonResponse.ts';
import { GotrueError, gotrueErrorResponse } from './gotrueError.ts';
import { signup } from './signupEndpoint.ts';
import { token } from './tokenEndpoint.ts';
import { getUser, logout, updateCurrentUser } from './userEndpoint.ts';

export type AuthHandler = (request: AuthRequest) => Promise<AuthResponse>;

/** What GET /settings tells a client: e-mail sign-up on, confirmed at once, nothing else. */
const SETTINGS = {
  external: { email: true, phone: false, anonymous_users: false },
  disable_signup: false,
  mailer_autoconfirm: true,
  phone_autoconfirm: false,
  sms_provider: '',
  saml_enabled: false,
};

/**
 * The local `/auth/v1`: the part of GoTrue that supabase-js's password sign-in, session and
 * admin calls use (supabase-protocols.md §4), on the target's auth.users and GoTrue-shaped
 * auth.sessions / auth.refresh_tokens. Errors answer in GoTrue's own shape.
 */
export function createAuthHandler(ctx: AuthContext): AuthHandler {
  return async (request) => {
    try {
      return await route(ctx, request);
    } catch (error) {
      if (error instanceof GotrueError) return gotrueErrorResponse(error, request.headers);
      throw error;
    }
  };
}

async function route(ctx: AuthContext, request: AuthRequest): Promise<AuthResponse> {
  const { method, path } = request;
  if (method === 'GET' && path === '/health') return jsonResponse({ version: 'local', name: 'GoTrue', description: 'gomflow-loadtest local GoTrue subset: a test target, not Supabase' });
  if (method === 'GET' && path === '/settings') return jsonResponse(SETTINGS);
  if (method === 'POST' && path === '/signup') return jsonResponse(await signup(ctx, request));
  if (method === 'POST' && path === '/token') return jsonResponse(await token(ctx, request));
  if (method === 'GET' && path === '/user') return jsonResponse(await getUser(ctx, request));
  if (method === 'PUT' && path === '/user') return jsonResponse(await updateCurrentUser(ctx, request));
  if (method === 'POST' && path === '/logout') {
    await logout(ctx, request);
    return { status: 204, headers: {} };
  }
  if (path === '/admin/users' || path.startsWith('/admin/users/')) return adminUsers(ctx, request);
  throw new GotrueError(404, 'not_found', `${method} ${path} is not part of the local /auth/v1 (see README: local stack)`);
}
