import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A path for a message: relative inside the working folder (shorter, and what the user typed
 * from), absolute outside it, where a chain of "../" would be harder to follow.
 */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  // isAbsolute: on Windows another drive has no relative path at all.
  return rel.split(sep)[0] === '..' || isAbsolute(rel) ? absolute : rel || '.';
}
