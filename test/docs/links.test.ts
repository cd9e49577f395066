import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The README and docs/ link to each other and to files of the repository by relative paths: each must exist. */
it('every relative link in the README and docs/ names a file that exists', () => {
  const pages = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const broken: string[] = [];
  for (const page of pages) {
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      if (!existsSync(path.resolve(ROOT, path.dirname(page), target!))) broken.push(`${page} → ${target}`);
    }
  }
  expect(pages.length).toBeGreaterThan(5);
  expect(broken).toEqual([]);
});
