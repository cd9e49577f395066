// The CLI's TypeScript sources bundled by esbuild into one ES module, cached under
// node_modules/.cache and rebuilt when any source it holds has changed. Running the bundle
// instead of registering tsx halves the CPU a command needs just to start (about 1.3 s of
// 2.6 s on the 2-core machines): tsx's loader hooks see every one of the ~400 modules.
// Plain JavaScript on purpose: it runs before anything can load TypeScript.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = path.join(ROOT, 'scripts', 'cli.ts');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'gomflow-load');
const BUNDLE = path.join(CACHE_DIR, 'cli.mjs');
const META = path.join(CACHE_DIR, 'cli.meta.json');
/** Bumped when the build below changes, so an older cache is not trusted. */
const FORMAT = 1;

/**
 * The URL of an up-to-date bundle, building it first when a source changed; undefined when it
 * cannot be built or written (the caller then runs the sources through tsx, which reports
 * a syntax error the usual way).
 */
export async function cliBundleUrl() {
  try {
    if (!isFresh(readMeta())) await build();
    return pathToFileURL(BUNDLE).href;
  } catch {
    return undefined;
  }
}

function readMeta() {
  try {
    return JSON.parse(readFileSync(META, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Fresh when built by this format from sources whose size and mtime are unchanged (npm packages are not in it). */
function isFresh(meta) {
  if (meta?.format !== FORMAT) return false;
  try {
    statSync(BUNDLE);
    return Object.entries(meta.inputs).every(([file, seen]) => {
      const now = statSync(path.join(ROOT, file));
      return now.mtimeMs === seen.mtimeMs && now.size === seen.size;
    });
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // npm packages stay imports: resolved from node_modules at run time, as under tsx.
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    outfile: BUNDLE,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  });
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const { mtimeMs, size } = statSync(path.join(ROOT, file));
    inputs[file] = { mtimeMs, size };
  }
  // The meta is written last: a reader that sees it fresh finds the bundle it describes.
  writeAtomically(META, JSON.stringify({ format: FORMAT, esbuild: esbuild.version, inputs }));
}

/**
 * Each module keeps its own import.meta.url (the sources find sql/ and package.json relative to
 * themselves), where a plain bundle would give every module the bundle's URL.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Several CLI processes may build at once: each writes its own temp file and renames it into place. */
function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}
