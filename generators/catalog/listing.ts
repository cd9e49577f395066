import { pickWeighted, weighted } from '../distributions.ts';
import type { Country, Currency } from '../locale/country.ts';
import type { Random } from '../random.ts';
import { ACTS, type Act } from './groups.ts';
import { ALBUM_VERSIONS, CONCERT_DVDS, FAN_GOODS, ITEM_KINDS, POB_SOURCES, SHIPPING_NOTES, type ItemKindSpec } from './items.ts';

/** One group-order listing as a GOM writes it. */
export interface Listing {
  readonly act: string;
  readonly kind: ItemKindSpec['kind'];
  readonly title: string;
  readonly description: string;
  /** Lower-case ASCII words joined by '-', without the uniqueness suffix. */
  readonly slugBase: string;
  /** Unit price in minor units (centavos / sen). */
  readonly priceMinor: number;
  readonly maxQuantity: number;
}

const PH_ACTS = weighted(ACTS.map((act) => [act, act.weight] as const));
const MY_ACTS = weighted(ACTS.filter((act) => !act.phOnly).map((act) => [act, act.weight] as const));
const KINDS = weighted(ITEM_KINDS.map((spec) => [spec, spec.weight] as const));

// Slugs are computed once here so that building a listing never runs a regex.
const SLUG = new Map<string, string>();
for (const act of ACTS) {
  SLUG.set(act.name, slugify(act.name));
  for (const release of act.releases) SLUG.set(release, slugify(release));
}

const KIND_SLUG: Readonly<Record<ItemKindSpec['kind'], string>> = {
  album: 'album-go',
  album_set: 'album-set-go',
  photocard: 'pc-go',
  lightstick: 'lightstick-go',
  seasons_greetings: 'seasons-greetings-po',
  concert_dvd: 'dvd-go',
  fan_goods: 'fan-goods-go',
};

/** A listing for a drop opened by a GOM in `country` in calendar year `year`. */
export function listing(rng: Random, country: Country, year: number): Listing {
  const act = pickWeighted(rng, country === 'PH' ? PH_ACTS : MY_ACTS);
  const spec = pickWeighted(rng, KINDS);
  const currency: Currency = country === 'PH' ? 'PHP' : 'MYR';
  const release = rng.pick(act.releases);
  const batch = rng.chance(0.45) ? ` – ${country} GO Batch ${rng.int(1, 4)}` : rng.chance(0.3) ? ` – ${country} GO` : '';
  const tag = rng.pick(country === 'PH' ? PH_TAGS : MY_TAGS);
  let title: string;
  let inclusions: string;
  switch (spec.kind) {
    case 'album': {
      const version = rng.pick(ALBUM_VERSIONS);
      const pob = rng.chance(0.5) ? ` + ${rng.pick(POB_SOURCES)}` : '';
      title = `${tag} ${act.name} '${release}' (${version})${pob}${batch}`;
      inclusions = `CD, ${rng.int(6, 14) * 8}-page photobook, ${rng.int(1, 2)} random photocard(s) (of ${rng.int(7, 26)}), folded poster (first press only), sticker`;
      break;
    }
    case 'album_set':
      title = `${tag} ${act.name} '${release}' SET (all versions) + ${rng.pick(POB_SOURCES)}${batch}`;
      inclusions = `${rng.int(2, 4)} sealed albums (all versions), complete inclusions, POB photocards`;
      break;
    case 'photocard':
      title = `[LOOSE PC GO] ${act.name} '${release}' ${rng.pick(POB_SOURCES)} photocards${batch}`;
      inclusions = 'photocard only (no album), choose member in the form, sleeved + toploader';
      break;
    case 'lightstick':
      title = `${tag} ${act.name} ${act.lightstick}${batch}`;
      inclusions = 'official light stick, strap, photocard set, manual (batteries not included)';
      break;
    case 'seasons_greetings':
      title = `[PRE-ORDER] ${act.name} ${year + 1} SEASON'S GREETINGS${batch}`;
      inclusions = 'desk calendar, diary, photo set, postcards, sticker pack, random photocard';
      break;
    case 'concert_dvd':
      title = `${tag} ${act.name} ${rng.pick(CONCERT_DVDS)}${batch}`;
      inclusions = `${rng.int(2, 4)} discs, ${rng.int(6, 12) * 10}-page photobook, photocard set, poster`;
      break;
    case 'fan_goods':
      title = `${tag} ${act.name} ${rng.pick(FAN_GOODS)}${batch}`;
      inclusions = 'fan-made, not official merchandise; limited slots';
      break;
  }
  const methods = country === 'PH' ? 'GCash / Maya / card via PayMongo' : 'FPX / Touch \'n Go / card via Billplz';
  const description =
    `Inclusions: ${inclusions}.\nPayment: full payment only, ${methods}.\n` +
    `ETA: ${rng.int(3, 8)}–${rng.int(9, 14)} weeks after release. ${rng.pick(SHIPPING_NOTES)}.\n` +
    'No cancellation once paid. DM for questions.';
  return {
    act: act.name,
    kind: spec.kind,
    title,
    description,
    slugBase: `${SLUG.get(act.name)!}-${spec.kind === 'album' || spec.kind === 'album_set' || spec.kind === 'photocard' ? SLUG.get(release)! + '-' : ''}${KIND_SLUG[spec.kind]}`,
    priceMinor: priceMinor(rng, spec, currency),
    maxQuantity: spec.maxQuantity,
  };
}

/** Prices as GOMs quote them: PHP rounded to ₱10 (often ₱50), MYR whole or ending in .90. */
function priceMinor(rng: Random, spec: ItemKindSpec, currency: Currency): number {
  const [lo, hi] = spec.price[currency];
  const raw = lo + (hi - lo) * rng.next() * rng.next() ** 0.3;
  if (currency === 'PHP') return (rng.chance(0.6) ? Math.round(raw / 50) * 50 : Math.round(raw / 10) * 10) * 100;
  return rng.chance(0.5) ? Math.round(raw) * 100 : Math.floor(raw) * 100 + 90;
}

const PH_TAGS = ['[GO]', '[PH GO]', '[GO PH]', '[GO]', '[ONHAND + GO]'] as const;
const MY_TAGS = ['[GO]', '[MY GO]', '[GO MY]', '[GO]'] as const;

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/★/g, 'star')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';
}

export type { Act };
