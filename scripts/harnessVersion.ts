import { readFileSync } from 'node:fs';

/** The version in package.json, written into every results.json. */
export function harnessVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
