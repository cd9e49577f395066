import bcrypt from 'bcryptjs';
import { GotrueError } from './gotrueError.ts';

/** GoTrue's default GOTRUE_PASSWORD_MIN_LENGTH. */
const MIN_LENGTH = 6;
/** GoTrue hashes with bcrypt at its default cost. */
const BCRYPT_COST = 10;

/** Refuses a password GoTrue would refuse (422 weak_password with its reasons), else returns its bcrypt hash. */
export async function hashNewPassword(password: string): Promise<string> {
  if (password.length < MIN_LENGTH) {
    throw new GotrueError(422, 'weak_password', `Password should be at least ${MIN_LENGTH} characters.`, ['length']);
  }
  return bcrypt.hash(password, BCRYPT_COST);
}

/** True when the password matches the stored hash; a user without a password never matches. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  return hash ? bcrypt.compare(password, hash) : false;
}
