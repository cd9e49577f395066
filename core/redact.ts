/** Replaces the password of a connection URL so it can be printed or stored. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    // Not a URL we can parse: hide everything between "://" and "@" to be safe.
    return url.replace(/\/\/[^@/]*@/, '//****@');
  }
}

/** Removes every occurrence of the given secrets from a message (server errors can echo them). */
export function scrubSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let scrubbed = message;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) scrubbed = scrubbed.split(secret).join('****');
  }
  return scrubbed;
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
