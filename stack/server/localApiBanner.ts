/** Every answer of the local API carries this header, so no one mistakes it for Supabase (and `db down` can tell it is ours). */
export const LOCAL_API_HEADER = 'x-gomflow-local';
export const LOCAL_API_HEADER_VALUE = 'test target, not Supabase';

/** The line the server prints when it starts. */
export function localApiBanner(url: string): string {
  return `gomflow local Supabase-compatible API on ${url} (/rest/v1, /auth/v1, /realtime/v1, /storage/v1): a local test target, not Supabase; figures measured against it are marked as such`;
}
