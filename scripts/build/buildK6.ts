// Bundles the k6 scripts of scenarios/k6/ to dist/k6/NAME.js: `npm run build:k6`.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { rngFor } from '../../generators/random.ts';
import type { K6Budgets } from '../../scenarios/k6/internal/k6Budgets.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
/** Every `*.ts` directly in scenarios/k6/ is one entry script; scenarios/k6/internal/ holds what they share. */
export const K6_SCRIPTS_DIR = path.join(ROOT, 'scenarios', 'k6');

/** The entry scripts' names (browse, launch-drop, smoke …), sorted. */
export function k6EntryNames(): string[] {
  return readdirSync(K6_SCRIPTS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
}

/**
 * Bundles each entry as k6 loads it, in the manner of k6-jslib-aws's build: ES modules, `k6`
 * and `k6/*` left as imports (k6 provides them), the workload modules inlined. The budgets
 * become a constant, so the bundle's thresholds are the config's. Returns esbuild's metafile
 * (what each bundle imports). Types are not checked here: `npm run typecheck` does that.
 */
export async function bundleK6(outDir: string, budgets: K6Budgets, names = k6EntryNames()): Promise<Metafile> {
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, path.join(K6_SCRIPTS_DIR, `${name}.ts`)])),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    // Syntax k6's runtime (goja) runs without esbuild lowering async/await into generators.
    target: 'es2020',
    platform: 'neutral',
    external: ['k6', 'k6/*'],
    define: { __GOMFLOW_BUDGETS__: JSON.stringify(budgets) },
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return result.metafile;
}

/** The uploads script's proof, dist/k6/proof.jpg beside the bundle (it open()s it): a phone screenshot's median size, JPEG markers around seeded bytes. */
export const PROOF_FILE = 'proof.jpg';
export function proofJpeg(size = 600 * 1024): Uint8Array {
  const rng = rngFor(1, 'k6-proof');
  const bytes = Uint8Array.from({ length: size }, () => rng.int(0, 255));
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {}, onNote: (note) => process.stderr.write(`${note}\n`) });
  const outDir = path.join(ROOT, 'dist', 'k6');
  const { queryP95Ms, queryMaxMs, errorRatePct } = config.budgets;
  const metafile = await bundleK6(outDir, { queryP95Ms, queryMaxMs, errorRatePct });
  for (const [file, output] of Object.entries(metafile.outputs)) process.stderr.write(`wrote ${file} (${(output.bytes / 1024).toFixed(1)} KiB)\n`);
  writeFileSync(path.join(outDir, PROOF_FILE), proofJpeg());
  process.stderr.write(`wrote ${path.relative(process.cwd(), path.join(outDir, PROOF_FILE))} (the uploads script's proof)\n`);
}
