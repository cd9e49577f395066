const SECRET_PATTERNS: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  // scheme://user:password@host — keep the user, hide the password. Unencoded '@' in a password
  // is common, so the password runs to the last '@' before the host (never past '/', '?', '#').
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):[^\s/?#]+@/gi, '$1:****@'],
  // A JWT: three base64url parts, the first a JSON header ("eyJ" is `{"` encoded).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '****'],
  // libpq's other two ways to pass a password, `?password=` in a URL and `password=` in a
  // key=value string (quoted values may hold spaces and \' escapes), plus sslpassword and
  // "password": "…" in JSON text. An unquoted value runs to whitespace or '&': hiding a
  // trailing comma too is better than showing the rest of a password that holds one.
  [
    /\b(\w*pass(?:word|wd)|pwd)("?\s*[=:]\s*)('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|[^\s&'"]+)/gi,
    (_match, key, separator, value) => `${key}${separator}${/^['"]/.test(value!) ? `${value![0]}****${value![0]}` : '****'}`,
  ],
  // Supabase's secret API keys.
  [/\bsb_secret_[A-Za-z0-9_-]+/g, '****'],
];

/**
 * The one scrubber: hides passwords in URLs (user info and `?password=`), key=value
 * connection strings, JWTs and Supabase secret keys, then every exact occurrence of
 * `knownSecrets` (as is and URL-encoded), for text such as a server's error message that
 * can echo a password we hold in a shape no pattern knows.
 */
export function scrubSecrets(text: string, knownSecrets: readonly (string | undefined)[] = []): string {
  let scrubbed = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) {
    scrubbed = scrubbed.replace(pattern, replacement as (...groups: string[]) => string);
  }
  for (const secret of knownSecrets) {
    // Shorter values would hide ordinary words and digits; no real password is that short.
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) scrubbed = scrubbed.split(form).join('****');
  }
  return scrubbed;
}

/** Deep copy of a JSON value with every string scrubbed; keys are kept as they are. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = scrubDeep(child);
  return copy as T;
}

/**
 * Hides the identifying part of a host name for reports: loopback stays readable, a remote
 * name keeps only its last two labels (`***.supabase.co`), an address is hidden whole.
 */
export function redactHost(host: string): string {
  if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return host;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return '***';
  const labels = host.split('.');
  return labels.length <= 2 ? '***' : `***.${labels.slice(-2).join('.')}`;
}
