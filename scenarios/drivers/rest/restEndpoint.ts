import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import type { ScenarioResult } from '../../../results/resultsModel.ts';
import { GomflowError } from '../../../core/errors.ts';
import { mintApiKeys } from '../../../stack/auth/mintApiKeys.ts';
import { ensureLocalApi, stopLocalApi } from '../../../stack/server/localApiProcess.ts';
import type { Target } from '../../../stack/target.ts';
import { SignInPacer } from './pacedSignIns.ts';

/** Where the REST driver sends its requests, with what it needs to be let in. Secrets: never printed. */
export interface RestEndpoint {
  /** SUPABASE_URL: the origin /rest/v1 and /auth/v1 hang off. */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Signs per-persona access tokens; without it personas sign in through /auth/v1. */
  jwtSecret?: string;
  /** Paces the personas' sign-ins without jwtSecret (config supabase.signIn), one bucket and tally for every driver sharing this endpoint. */
  signIns?: SignInPacer;
  /** Stops an API server this command started; a no-op otherwise. */
  release(): Promise<void>;
}

/** Whether the target has a REST endpoint the driver can reach: local always (its API server), supabase through SUPABASE_URL. */
export function hasRestEndpoint(target: Target): boolean {
  return target.kind !== 'postgres';
}

/**
 * The target's REST endpoint. Local: the API server `db up` left running, or one started for
 * this command in its own process (as `db up` does, so the driver and the server do not share
 * an event loop) and stopped again by release(); the keys are minted from the local secret.
 * Supabase: SUPABASE_URL with the project's keys.
 */
export async function openRestEndpoint(target: Target, config: ResolvedConfig): Promise<RestEndpoint> {
  if (target.kind === 'supabase') {
    const { url, anonKey, serviceRoleKey, jwtSecret } = config.supabase;
    if (!url || !anonKey || !serviceRoleKey) {
      throw new GomflowError('E_CONFIG_INVALID', 'the REST driver on target supabase needs SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY; set them in the environment or .env, or use --via pg');
    }
    const paced = jwtSecret ? { jwtSecret } : { signIns: new SignInPacer(config.supabase.signIn) };
    return { url: url.replace(/\/+$/, ''), anonKey, serviceRoleKey, ...paced, release: async () => undefined };
  }
  const local = target.local;
  if (!local) throw new GomflowError('E_USAGE', `target ${target.kind} has no REST endpoint; use --via pg, or --target local or supabase`);
  const api = await ensureLocalApi(local, target.url, config.pool);
  const keys = await mintApiKeys(local.state.jwtSecret, local.state.jwtIssuedAt);
  return {
    url: api.url!,
    ...keys,
    jwtSecret: local.state.jwtSecret,
    release: async () => {
      if (api.started) await stopLocalApi(local);
    },
  };
}

/** The endpoint's sign-in tally as the result records it; undefined when the tokens were minted or none were needed. */
export function signInsOf(endpoint: RestEndpoint): ScenarioResult['signIns'] {
  const tally = endpoint.signIns?.tally;
  if (!tally || tally.signIns + tally.rateLimited === 0) return undefined;
  return { ...tally, durationMs: Math.round(tally.durationMs), perSecond: endpoint.signIns!.pace.perSecond };
}
