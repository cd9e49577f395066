import { GomflowError } from '../../../core/errors.ts';
import { VIAS, type Via } from '../../../scenarios/chooseVia.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** --duration: 30s, 2m, 1h, 500ms (a bare number is seconds); at most 24 h, every run is bounded. */
export function parseDuration(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2] ?? 's']! : NaN;
  if (!(ms >= 100 && ms <= 24 * UNITS.h!)) throw new GomflowError('E_USAGE', `--duration must be a time from 100ms to 24h such as 30s, 5m or 1h, got '${raw}'`);
  return ms;
}

/** A positive number flag (--rate, --compress, --comeback) or undefined. */
export function parsePositive(flag: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value > 0 && value <= max)) throw new GomflowError('E_USAGE', `--${flag} must be a number above 0 and at most ${max}, got '${raw}'`);
  return value;
}

/** --vus: a whole number of virtual users. */
export function parseVus(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 5000) throw new GomflowError('E_USAGE', `--vus must be a whole number from 1 to 5000, got '${raw}'`);
  return Number(raw);
}

/** --via: rest or pg; undefined lets the scenario choose (chooseVia). */
export function parseVia(raw: string | undefined): Via | undefined {
  if (raw === undefined) return undefined;
  if (!(VIAS as readonly string[]).includes(raw)) throw new GomflowError('E_USAGE', `--via must be ${VIAS.join(' or ')}, got '${raw}'`);
  return raw as Via;
}
