import http from 'k6/http';

/** Where the script sends its load: the project URL and its keys, from k6's environment (never written into a bundle). */
export interface K6Target {
  url: string;
  anonKey: string;
  serviceKey: string;
}

export function targetFromEnv(env: Readonly<Record<string, string | undefined>>): K6Target {
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set; pass it with -e ${name}=… or in the runner's environment (k6-operator: from the Secret)`);
    return value;
  };
  return { url: need('SUPABASE_URL').replace(/\/+$/, ''), anonKey: need('SUPABASE_ANON_KEY'), serviceKey: need('SUPABASE_SERVICE_ROLE_KEY') };
}

/** Headers of a call as a role: the gateway wants the apikey, PostgREST the bearer token. */
export function authHeaders(target: K6Target, token: string | 'anon' | 'service_role'): Record<string, string> {
  const bearer = token === 'anon' ? target.anonKey : token === 'service_role' ? target.serviceKey : token;
  return { apikey: target.anonKey, Authorization: `Bearer ${bearer}` };
}

/** A JSON GET as service_role during setup (k6's setup is synchronous; a failure there ends the run). */
export function serviceGet<T>(target: K6Target, path: string): T {
  const res = http.get(`${target.url}${path}`, { headers: authHeaders(target, 'service_role'), tags: { endpoint: 'setup' } });
  if (res.status !== 200) throw new Error(`setup: GET ${path.split('?')[0]} answered ${res.status}: ${String(res.body).slice(0, 200)}`);
  return JSON.parse(String(res.body)) as T;
}

/** A user's access token through /auth/v1's password grant, as the app signs users in. */
export function signIn(target: K6Target, email: string, password: string): string {
  const res = http.post(`${target.url}/auth/v1/token?grant_type=password`, JSON.stringify({ email, password }), {
    headers: { apikey: target.anonKey, 'Content-Type': 'application/json' },
    tags: { endpoint: 'setup' },
  });
  if (res.status !== 200) throw new Error(`setup: signing ${email} in answered ${res.status}: ${String(res.body).slice(0, 200)}`);
  return (JSON.parse(String(res.body)) as { access_token: string }).access_token;
}
