import { defineCommand } from 'citty';

export default defineCommand({
  meta: { name: 'db', description: 'Manage the target database: start/stop the local one, apply the schema, show status' },
  subCommands: {
    up: () => import('./db/up.ts').then((m) => m.default),
    down: () => import('./db/down.ts').then((m) => m.default),
    reset: () => import('./db/reset.ts').then((m) => m.default),
    status: () => import('./db/status.ts').then((m) => m.default),
  },
});
