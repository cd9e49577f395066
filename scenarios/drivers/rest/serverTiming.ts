/** What a response's `Server-Timing` says, ms. */
export interface ServerTiming {
  dbMs: number;
  totalMs: number;
}

/**
 * Reads `Server-Timing`: the local stack sends `db;dur=…, total;dur=…`; PostgREST (with
 * server-timing enabled) sends jwt, parse, plan, transaction and response, where transaction
 * is the database's part and their sum the server's total. Undefined when neither is there.
 */
export function parseServerTiming(header: string | string[] | undefined): ServerTiming | undefined {
  if (!header) return undefined;
  const durations = new Map<string, number>();
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const dur = params.map((param) => /^\s*dur=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (name && dur !== undefined) durations.set(name.trim(), Number(dur));
  }
  const dbMs = durations.get('db') ?? durations.get('transaction');
  if (dbMs === undefined) return undefined;
  const totalMs = durations.get('total') ?? [...durations.values()].reduce((sum, value) => sum + value, 0);
  return { dbMs, totalMs: Math.max(totalMs, dbMs) };
}
