import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PACKAGE_ENTRY = fileURLToPath(new URL('../../index.ts', import.meta.url));

/**
 * Imports a config file. A TypeScript one is bundled by esbuild (its own imports, `gomflow-loadtest`
 * included, go in with it) and imported from memory, as Vite and Vitest load theirs: Node cannot
 * import .ts itself, and registering tsx for one small file would cost the CLI a second of start-up.
 */
export async function importConfigModule(file: string): Promise<{ default?: unknown }> {
  if (!/\.[cm]?tsx?$/.test(file)) return (await import(pathToFileURL(file).href)) as { default?: unknown };
  const bundled = await build({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'gomflow-loadtest',
        setup(plugin) {
          // The config's `import { defineConfig } from 'gomflow-loadtest'` means this package, wherever the file is.
          plugin.onResolve({ filter: /^gomflow-loadtest$/ }, () => ({ path: PACKAGE_ENTRY }));
        },
      },
    ],
  });
  const code = bundled.outputFiles[0]!.text;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown };
}
