import { defineCommand } from 'citty';

export default defineCommand({
  meta: { name: 'k6', description: 'k6 at scale: the k6-operator manifest of a scenario (bundle the scripts with npm run build:k6; bring results back with import-k6)' },
  subCommands: {
    manifest: () => import('./k6/manifest.ts').then((m) => m.default),
  },
});
