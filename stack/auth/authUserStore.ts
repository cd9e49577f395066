import type pg from 'pg';
import { GotrueError } from './gotrueError.ts';

/** Something that runs a query: the server's pool or one of its clients inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** GoTrue's instance id: every user of a single-tenant GoTrue has the nil UUID. */
export const NIL_INSTANCE = '00000000-0000-0000-0000-000000000000';

/** The auth.users columns the local /auth/v1 reads, and whether the user has its `email` identity. */
export interface AuthUserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  last_sign_in_at: Date | null;
  /** Whether the user has its `email` row in auth.identities: GoTrue lists it in `identities`; sign-in does not need it. */
  has_email_identity: boolean;
}

/**
 * The columns GoTrue scans into Go strings (AU models/user.go): a NULL in any of them fails
 * the scan, and with it every request that loads the user (supabase/auth#1940).
 */
const STRING_COLUMNS = ['confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change', 'phone_change', 'phone_change_token', 'email_change_token_current', 'reauthentication_token'] as const;

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at`;
const COLUMNS = `${USER_COLUMNS}, ${STRING_COLUMNS.join(', ')},
  EXISTS (SELECT 1 FROM auth.identities i WHERE i.user_id = u.id AND i.provider = 'email') AS has_email_identity`;

type ScannedRow = AuthUserRow & Record<(typeof STRING_COLUMNS)[number], string | null>;

/** As GoTrue's scan: a NULL string column is a 500 with the endpoint's message (the cause stays in the server log there). */
function scanUser(row: ScannedRow | undefined, failure: string): AuthUserRow | undefined {
  if (!row) return undefined;
  if (STRING_COLUMNS.some((column) => row[column] === null)) throw new GotrueError(500, 'unexpected_failure', failure);
  const { confirmation_token, recovery_token, email_change_token_new, email_change, phone_change, phone_change_token, email_change_token_current, reauthentication_token, ...user } = row;
  return user;
}

/** As GoTrue looks a user up: lower-cased e-mail, this instance and audience, not an SSO user (uses users_instance_id_email_idx). */
export async function findUserByEmail(db: Queryable, email: string): Promise<AuthUserRow | undefined> {
  const { rows } = await db.query<ScannedRow>(
    `SELECT ${COLUMNS} FROM auth.users u WHERE instance_id = $1 AND lower(email) = lower($2) AND aud = 'authenticated' AND NOT is_sso_user`,
    [NIL_INSTANCE, email],
  );
  // The password grant's answer to any lookup error (AU internal/api/token.go).
  return scanUser(rows[0], 'Database error querying schema');
}

export async function findUserById(db: Queryable, id: string): Promise<AuthUserRow | undefined> {
  const { rows } = await db.query<ScannedRow>(`SELECT ${COLUMNS} FROM auth.users u WHERE id = $1`, [id]);
  return scanUser(rows[0], 'Database error finding user');
}

export interface NewAuthUser {
  id: string;
  email: string;
  passwordHash: string | null;
  confirmed: boolean;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
}

/**
 * Inserts a user as GoTrue writes one (token columns '', see STRING_COLUMNS) with its `email`
 * identity (provider_id = the user's id); undefined when the e-mail is taken
 * (users_email_partial_key), so the caller answers as GoTrue.
 */
export async function insertUser(db: Queryable, user: NewAuthUser): Promise<AuthUserRow | undefined> {
  const { rows } = await db.query<AuthUserRow>(
    `WITH u AS (
       INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, confirmation_token, recovery_token, email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       VALUES ($1, $2, 'authenticated', 'authenticated', $3, $4, CASE WHEN $5 THEN now() END, '', '', '', '', $6, $7, now(), now())
       ON CONFLICT DO NOTHING
       RETURNING *
     ), identity AS (
       INSERT INTO auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       SELECT id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', email_confirmed_at IS NOT NULL, 'phone_verified', false), 'email', now(), now()
       FROM u
     )
     SELECT ${USER_COLUMNS}, true AS has_email_identity FROM u`,
    [NIL_INSTANCE, user.id, user.email, user.passwordHash, user.confirmed, user.appMetadata, user.userMetadata],
  );
  return rows[0];
}

export interface AuthUserChanges {
  email?: string;
  passwordHash?: string;
  confirm?: boolean;
  appMetadata?: Record<string, unknown>;
  userMetadata?: Record<string, unknown>;
  signedIn?: boolean;
}

/** Applies the changes given (others stay); undefined when the user is gone. A taken e-mail raises 23505. */
export async function updateUser(db: Queryable, id: string, changes: AuthUserChanges): Promise<AuthUserRow | undefined> {
  const { rows } = await db.query<ScannedRow>(
    `WITH identity AS (
       UPDATE auth.identities SET identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
       WHERE user_id = $1 AND provider = 'email' AND $2::text IS NOT NULL
     )
     UPDATE auth.users u SET
       email = coalesce($2, email),
       encrypted_password = coalesce($3, encrypted_password),
       email_confirmed_at = CASE WHEN $4 THEN coalesce(email_confirmed_at, now()) ELSE email_confirmed_at END,
       raw_app_meta_data = coalesce($5, raw_app_meta_data),
       raw_user_meta_data = coalesce($6, raw_user_meta_data),
       last_sign_in_at = CASE WHEN $7 THEN now() ELSE last_sign_in_at END,
       updated_at = now()
     WHERE id = $1
     RETURNING ${COLUMNS}`,
    [id, changes.email ?? null, changes.passwordHash ?? null, changes.confirm ?? false, changes.appMetadata ?? null, changes.userMetadata ?? null, changes.signedIn ?? false],
  );
  return scanUser(rows[0], 'Database error updating user');
}

/** Deletes the user; its sessions and refresh tokens go with it (ON DELETE CASCADE). */
export async function deleteUser(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM auth.users WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

/** One page of users, newest first as GoTrue lists them, and the total. */
export async function listUsers(db: Queryable, page: number, perPage: number): Promise<{ users: AuthUserRow[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    db.query<ScannedRow>(`SELECT ${COLUMNS} FROM auth.users u WHERE instance_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`, [NIL_INSTANCE, perPage, (page - 1) * perPage]),
    db.query<{ total: string }>('SELECT count(*) AS total FROM auth.users WHERE instance_id = $1', [NIL_INSTANCE]),
  ]);
  return { users: rows.map((row) => scanUser(row, 'Database error finding users')!), total: Number(count.rows[0]?.total ?? 0) };
}
