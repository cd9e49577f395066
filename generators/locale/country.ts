import type { Random } from '../random.ts';
import { MY_IP_BLOCKS, MY_MOBILE_PREFIXES_7, MY_MOBILE_PREFIXES_8, MY_TIMEZONE } from './malaysia.ts';
import { PH_IP_BLOCKS, PH_MOBILE_PREFIXES, PH_TIMEZONE } from './philippines.ts';

/** GOMFLOW's two markets; `country_code` enum. */
export type Country = 'PH' | 'MY';
/** `currency_code` enum. */
export type Currency = 'PHP' | 'MYR';

export const CURRENCY_OF: Readonly<Record<Country, Currency>> = { PH: 'PHP', MY: 'MYR' };
export const TIMEZONE_OF: Readonly<Record<Country, string>> = { PH: PH_TIMEZONE, MY: MY_TIMEZONE };
/** Share of users in the Philippines (GOMFLOW launched there first; MY is the second market). */
export const PH_SHARE = 0.7;

/** E.164 mobile number: `+639XXXXXXXXX` (PH) or `+601XXXXXXXX` / `+6011XXXXXXXX` (MY). */
export function mobileNumber(rng: Random, country: Country): string {
  if (country === 'PH') {
    return `+63${rng.pick(PH_MOBILE_PREFIXES)}${pad7(rng.int(0, 9_999_999))}`;
  }
  if (rng.chance(0.12)) return `+60${MY_MOBILE_PREFIXES_8[0]}${pad8(rng.int(0, 99_999_999))}`;
  return `+60${rng.pick(MY_MOBILE_PREFIXES_7)}${pad7(rng.int(0, 9_999_999))}`;
}

/** PH: +63 then 10 digits starting with 9. MY: +60 then 1, then 8 or 9 more digits. */
export const PHONE_PATTERN: Readonly<Record<Country, RegExp>> = {
  PH: /^\+639\d{9}$/,
  MY: /^\+601\d{8,9}$/,
};

/** A residential/mobile IPv4 address in the country's ISP ranges. */
export function ipAddress(rng: Random, country: Country): string {
  const block = country === 'PH' ? rng.pick(PH_IP_BLOCKS) : rng.pick(MY_IP_BLOCKS);
  return `${block}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function pad7(n: number): string {
  const s = String(n);
  return s.length >= 7 ? s : '0000000'.slice(s.length) + s;
}

function pad8(n: number): string {
  const s = String(n);
  return s.length >= 8 ? s : '00000000'.slice(s.length) + s;
}
