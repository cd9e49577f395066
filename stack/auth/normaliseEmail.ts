import { GotrueError } from './gotrueError.ts';

/** GoTrue's e-mail check: trimmed, lower-cased, and of the form local@domain. */
export function normaliseEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normal)) throw new GotrueError(400, 'email_address_invalid', 'Unable to validate email address: invalid format');
  return normal;
}
