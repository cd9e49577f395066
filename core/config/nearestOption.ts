import { distance } from 'fastest-levenshtein';
import { z } from 'zod';

/** The option names a config object accepts at `path` (record keys such as preset names are passed through). */
export function optionsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node = unwrap(schema);
  for (const key of path) {
    if (node instanceof z.ZodObject) node = unwrap(node.shape[String(key)] as z.ZodType);
    else if (node instanceof z.ZodRecord) node = unwrap(node.valueType as z.ZodType);
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/**
 * The known option closest to a misspelt one, when it is close enough to be what was meant:
 * at most a third of the name's letters off (two at least), case ignored.
 */
export function nearestOption(unknown: string, known: readonly string[]): string | undefined {
  let best: { name: string; cost: number } | undefined;
  for (const name of known) {
    const cost = distance(unknown.toLowerCase(), name.toLowerCase());
    if (!best || cost < best.cost) best = { name, cost };
  }
  return best && best.cost <= Math.max(2, Math.floor(unknown.length / 3)) ? best.name : undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let node = schema;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  return node;
}
