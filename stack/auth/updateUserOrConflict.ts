import { findUserById, updateUser, type AuthUserChanges, type AuthUserRow, type Queryable } from './authUserStore.ts';
import { GotrueError } from './gotrueError.ts';

/** Updates a user; a taken e-mail is GoTrue's 422 email_exists, a vanished user its 404 user_not_found. */
export async function updateUserOrConflict(db: Queryable, id: string, changes: AuthUserChanges): Promise<AuthUserRow> {
  try {
    const updated = Object.keys(changes).length > 0 ? await updateUser(db, id, changes) : await findUserById(db, id);
    if (!updated) throw new GotrueError(404, 'user_not_found', 'User not found');
    return updated;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new GotrueError(422, 'email_exists', 'A user with this email address has already been registered');
    }
    throw error;
  }
}
