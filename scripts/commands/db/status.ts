import { defineCommand } from 'citty';
import { prepareCommand, sharedArgs } from '../_shared.ts';
import { withTarget } from '../../../stack/targetSession.ts';
import { statusTable } from '../../../reports/terminal/statusTable.ts';
import { collectStatus } from './statusReport.ts';

const args = {
  ...sharedArgs,
  json: { type: 'boolean', description: 'Print the status as JSON on stdout', default: false },
  'show-secrets': { type: 'boolean', description: 'Show the password in the connection URL and the anon and service_role API keys', default: false },
} as const;

export default defineCommand({
  meta: { name: 'status', description: 'Show whether the target runs, its URL, server version, schema object counts and SUPABASE_URL' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('db status', rawArgs, args, parsed);
    const status = await withTarget(ctx, {}, (session) => collectStatus(session, parsed['show-secrets'], ctx.config.supabase));
    process.stdout.write(parsed.json ? `${JSON.stringify(status, null, 2)}\n` : `${statusTable(status)}\n`);
  },
});
