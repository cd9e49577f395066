import { LOCAL_OFFSET_MS } from '../distributions.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Jan 15, 11:59 PM" in PH/MY time, as GOMs write deadlines in messages. Hand-rolled: Intl
 * formatting costs ~20 µs a call and this runs per order.
 */
export function localDateLabel(ms: number): string {
  const local = ms + LOCAL_OFFSET_MS;
  const days = Math.floor(local / 86_400_000);
  const minutes = Math.floor((local - days * 86_400_000) / 60_000);
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const hour24 = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${MONTHS[month - 1]} ${day}, ${hour12}:${minute < 10 ? '0' : ''}${minute} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

