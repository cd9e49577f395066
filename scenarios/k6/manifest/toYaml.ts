/**
 * Block-style YAML for plain data (objects, arrays, strings, numbers, booleans). Strings are
 * written double-quoted with JSON's escapes, which YAML's double-quoted style reads the same.
 */
export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return value.map((item) => `${indent}-${isBlock(item) ? `\n${toYaml(item, `${indent}  `)}` : ` ${scalar(item)}\n`}`).join('');
  }
  if (isBlock(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${indent}${key}:${isBlock(item) ? `\n${toYaml(item, `${indent}  `)}` : ` ${scalar(item)}\n`}`)
      .join('');
  }
  return `${indent}${scalar(value)}\n`;
}

function isBlock(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

function scalar(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(String(value));
}
