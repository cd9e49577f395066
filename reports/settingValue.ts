const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A time setting as `SHOW` prints it ("30s", "1min", "500ms", "0") in ms; a bare number is
 * taken in ms, the base unit of statement_timeout and the idle timeouts. Null when unreadable.
 */
export function parseDurationSettingMs(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!;
}

/** An integer setting such as max_connections; null when unreadable. */
export function parseIntegerSetting(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}
