import type { RestRequestShape } from './restShapes.ts';

/** A request ready to send: path and query under the API's origin, headers, JSON body. */
export interface FilledRequest {
  method: RestRequestShape['method'];
  /** `/rest/v1/orders?select=…` */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/**
 * Fills a shape's placeholders from `params` (restShapes.ts says how). A placeholder without a
 * value is a mistake in the shapes, not in the data: it throws rather than send `{name}`.
 */
export function fillRestRequest(shape: RestRequestShape, params: Readonly<Record<string, unknown>>): FilledRequest {
  const valueOf = (name: string) => {
    if (!(name in params)) throw new Error(`the ${shape.pattern} request needs a value for {${name}}`);
    const value = params[name];
    return value instanceof Date ? value.toISOString() : value;
  };
  const query = shape.query?.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(String(valueOf(name))));
  const fillBody = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\{([a-z_]+)\}$/.exec(value);
      return whole ? valueOf(whole[1]!) : value;
    }
    if (Array.isArray(value)) return value.map(fillBody);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fillBody(inner)]));
    return value;
  };
  return {
    method: shape.method,
    path: `/rest/v1/${shape.resource}${query ? `?${query}` : ''}`,
    headers: { ...shape.headers, ...(shape.body ? { 'Content-Type': 'application/json' } : {}) },
    ...(shape.body ? { body: JSON.stringify(fillBody(shape.body)) } : {}),
  };
}
