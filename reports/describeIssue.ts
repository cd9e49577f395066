import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** One zod issue as "at <path> expected …, got …"; needs issues parsed with `reportInput: true`. */
export function describeIssue(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const value = (issue.input as Record<string, unknown> | undefined)?.[key];
    return `at ${formatPath([...issue.path, key])} expected no such field, got ${kindOf(value)}`;
  }
  const expected = expectation(issue);
  if (expected === undefined) return `at ${formatPath(issue.path)} ${issue.message}`;
  return `at ${formatPath(issue.path)} expected ${expected}, got ${actual(issue)}`;
}

function expectation(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return issue.values.map(show).join(' | ');
    case 'invalid_format':
      return issue.format === 'regex' ? `string matching ${issue.pattern}` : `${issue.format} string`;
    case 'too_small':
      return limit(issue.origin, issue.inclusive ? 'at least' : 'more than', issue.minimum);
    case 'too_big':
      return limit(issue.origin, issue.inclusive ? 'at most' : 'less than', issue.maximum);
    case 'invalid_union': {
      // Only unions of plain values have a one-line expectation; others fall back to zod's message.
      const branches = issue.errors.map((branch) => branch[0]);
      const parts = branches.map((b) => (b && b.path.length === 0 ? expectation(b) : undefined));
      return parts.every((p) => p !== undefined) && parts.length > 0 ? parts.join(' or ') : undefined;
    }
    default:
      return undefined;
  }
}

function limit(origin: string, comparison: string, bound: number | bigint): string {
  if (origin === 'string') return `${comparison} ${bound} characters`;
  if (origin === 'array') return `${comparison} ${bound} items`;
  return `${origin} ${comparison} ${bound}`;
}

function actual(issue: Issue): string {
  const input = issue.input;
  const branch = issue.code === 'invalid_union' ? issue.errors[0]?.[0] : undefined;
  if (branch) return actual(branch);
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? show(input) : kindOf(input);
  if (typeof input === 'string' && (issue.code === 'too_small' || issue.code === 'too_big')) {
    return `${input.length} characters`;
  }
  if (Array.isArray(input)) return `${input.length} items`;
  return show(input);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// Values are cut short: a message names the bad value, it does not reproduce the document.
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) return kindOf(value);
  const text = typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}
