const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // scheme://user:password@host — keep the user, hide the password.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):[^\s@/]+@/gi, '$1:****@'],
  // A JWT: three base64url parts, the first a JSON header ("eyJ" is `{"` encoded).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '****'],
  // libpq key/value connection strings and similar "password=…" text.
  [/\b(password|passwd|pwd)(\s*[=:]\s*)('[^']*'|"[^"]*"|[^\s&;,]+)/gi, '$1$2****'],
  // Supabase's secret API keys.
  [/\bsb_secret_[A-Za-z0-9_-]+/g, '****'],
];

/**
 * Hides passwords in URLs, JWTs and "password=" text. Stages are meant to redact before
 * results.json is written; reports scrub again because a server error message or a plan
 * filter can echo a secret the stage never saw as one.
 */
export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

/** Deep copy of a JSON value with every string scrubbed; keys are kept as they are. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map(scrubDeep) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = scrubDeep(child);
  return copy as T;
}
