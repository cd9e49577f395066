/**
 * A header of the harness's own REST driver naming the load journey a request belongs to. The
 * local stack runs the request's transaction under it as application_name, so waits (and the
 * log) name the journey as on the pg driver; Supabase's PostgREST ignores it (there REST
 * statements are told apart by their text only).
 */
export const JOURNEY_HEADER = 'x-gomflow-journey';

/** A journey tag (`gomflow:<name>`, at most 63 characters) or nothing: any other value is not ours to set. */
export function journeyApplicationName(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = headers[JOURNEY_HEADER];
  return value !== undefined && /^gomflow:[\w.-]{1,55}$/.test(value) ? value : undefined;
}
