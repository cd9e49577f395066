import type { Currency } from '../locale/country.ts';

/** What a group order sells. */
export type ItemKind = 'album' | 'album_set' | 'lightstick' | 'photocard' | 'seasons_greetings' | 'concert_dvd' | 'fan_goods';

export interface ItemKindSpec {
  readonly kind: ItemKind;
  /** Share of drops. */
  readonly weight: number;
  /** Price range in major units, per currency, as GOMs quote them (shipping to PH/MY included). */
  readonly price: Readonly<Record<Currency, readonly [number, number]>>;
  /** Typical quantity a buyer takes: 1 almost always, more for albums (versions) and photocards. */
  readonly maxQuantity: number;
}

export const ITEM_KINDS: readonly ItemKindSpec[] = [
  { kind: 'album', weight: 46, price: { PHP: [850, 1450], MYR: [75, 130] }, maxQuantity: 5 },
  { kind: 'album_set', weight: 9, price: { PHP: [2600, 4500], MYR: [230, 400] }, maxQuantity: 2 },
  { kind: 'photocard', weight: 14, price: { PHP: [350, 650], MYR: [30, 60] }, maxQuantity: 8 },
  { kind: 'lightstick', weight: 9, price: { PHP: [2800, 4500], MYR: [220, 400] }, maxQuantity: 2 },
  { kind: 'seasons_greetings', weight: 8, price: { PHP: [2400, 3800], MYR: [190, 320] }, maxQuantity: 1 },
  { kind: 'concert_dvd', weight: 6, price: { PHP: [2900, 4500], MYR: [250, 400] }, maxQuantity: 1 },
  { kind: 'fan_goods', weight: 8, price: { PHP: [350, 900], MYR: [30, 80] }, maxQuantity: 4 },
];

/** Album version names as labels print them. */
export const ALBUM_VERSIONS = [
  'Random Ver.', 'Standard Ver.', 'Photobook Ver.', 'Digipack Ver.', 'Weverse Albums Ver.',
  'Compact Ver.', 'POCAALBUM Ver.', 'Jewel Case Ver.', 'SMini Ver.', 'Platform Ver.', 'Accordion Ver.',
  'KiT Ver.', 'Nemo Ver.', 'Limited Ver.',
] as const;

/** Where the pre-order benefit (POB) photocards come from. */
export const POB_SOURCES = [
  'Weverse Shop POB', 'Soundwave POB', 'Ktown4u POB', 'Apple Music POB', 'Makestar POB',
  'Withmuu POB', 'Yes24 POB', 'Aladin POB', 'Music Plant POB', 'Everline POB', 'Soundwave lucky draw R1',
  'M2U lucky draw', 'Broadcast photocard', 'Fansign event POB',
] as const;

export const FAN_GOODS = [
  'fan-made photocard binder', 'fan-made acrylic keyring', 'cup holder event kit', 'fan-made slogan',
  'unofficial toploader deco set', 'fan-made sticker sheet', 'fansite photobook', 'fan-made lanyard',
  'birthday cafe freebies set', 'fan-made banner',
] as const;

export const CONCERT_DVDS = ['World Tour in Seoul DVD', 'Concert Blu-ray', 'Fan Meeting DVD', 'Digital Code', 'Tour Photobook + DVD'] as const;

export const SHIPPING_NOTES = [
  'SF via J&T / LBC not included', 'Meetup in QC or Cubao available', 'Shipping via Ninja Van',
  'Meetup at MRT North Ave / SM North', 'SF via J&T / Poslaju not included', 'Pickup at KL Sentral',
  'Shipping via Lalamove (same-day, Metro Manila)', 'SF via Shopee Xpress',
] as const;
