import { redactConnectionString } from '../../../stack/targetUrl.ts';
import type { ApiStatus, DbStatus } from '../../../reports/terminal/statusTable.ts';
import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import { countObjects } from '../../../stack/schema/countObjects.ts';
import { readServerInfo } from '../../../stack/serverInfo.ts';
import type { TargetSession } from '../../../stack/targetSession.ts';
import { mintApiKeys } from '../../../stack/auth/mintApiKeys.ts';
import { localApiStatus } from '../../../stack/server/localApiProcess.ts';

export async function collectStatus(session: TargetSession, showSecrets: boolean, supabase: ResolvedConfig['supabase']): Promise<DbStatus> {
  const { target, client } = session;
  const api = await collectApiStatus(session, showSecrets, supabase);
  return {
    target: target.kind,
    running: session.runningAfter,
    url: showSecrets ? target.url : redactConnectionString(target.url),
    server: await readServerInfo(client),
    counts: await countObjects(client),
    ...(api ? { api } : {}),
  };
}

/** SUPABASE_URL of the target, and its keys only when asked: the local stack's from its secret, a project's from the config. */
async function collectApiStatus(session: TargetSession, showSecrets: boolean, supabase: ResolvedConfig['supabase']): Promise<ApiStatus | undefined> {
  const local = session.target.local;
  if (local) {
    const status = await localApiStatus(local);
    const keys = showSecrets ? await mintApiKeys(local.state.jwtSecret, local.state.jwtIssuedAt) : undefined;
    return { running: status.running, local: true, ...(status.url ? { supabaseUrl: status.url } : {}), ...keys };
  }
  if (session.target.kind !== 'supabase' || !supabase.url) return undefined;
  return {
    running: true,
    local: false,
    supabaseUrl: supabase.url,
    ...(showSecrets && supabase.anonKey ? { anonKey: supabase.anonKey } : {}),
    ...(showSecrets && supabase.serviceRoleKey ? { serviceRoleKey: supabase.serviceRoleKey } : {}),
  };
}
