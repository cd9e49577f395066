/** The `Prefer` preferences PostgREST acts on; unknown ones are ignored, as with `handling=lenient`. */
export interface Preferences {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
}

const ALLOWED: Record<keyof Preferences, readonly string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
};

/** `Prefer: return=representation, count=exact` (several headers arrive joined by commas). */
export function parsePrefer(header: string | undefined): Preferences {
  const preferences: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const [key, value] = part.trim().split('=').map((s) => s.trim());
    if (key && value && key in ALLOWED && ALLOWED[key as keyof Preferences].includes(value)) preferences[key] = value;
  }
  return preferences as Preferences;
}
