/**
 * Text from outside (a server's error message, a statement from the user's file) made safe to
 * print as one terminal line: line breaks and tabs become a space, and every other control
 * character — ESC above all, which could move the cursor or rewrite what was printed — is dropped.
 */
export function printableLine(text: string): string {
  return text
    .replace(/[\r\n\t\v\f]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
}
