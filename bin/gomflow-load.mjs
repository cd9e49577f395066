#!/usr/bin/env node
// The harness is TypeScript with no build step for its users: the CLI runs from a bundle that
// rebuilds itself when a source changed (./cliBundle.mjs), or through tsx when it cannot.
import { cliBundleUrl } from './cliBundle.mjs';

const bundle = await cliBundleUrl();
if (bundle) {
  // Stack traces (shown with --verbose) then name the TypeScript sources, not the bundle.
  if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../scripts/cli.ts');
}
