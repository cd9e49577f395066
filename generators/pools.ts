import { Faker, base, en } from '@faker-js/faker';
import { ACTS } from './catalog/groups.ts';
import type { Country } from './locale/country.ts';
import { filPH, msMY } from './locale/fakerLocales.ts';
import {
  MY_CHINESE_GIVEN,
  MY_CHINESE_SURNAMES,
  MY_ENGLISH_GIVEN,
  MY_INDIAN_FATHERS,
  MY_INDIAN_GIVEN_FEMALE,
  MY_INDIAN_GIVEN_MALE,
  MY_MALAY_FATHERS,
  MY_MALAY_GIVEN_FEMALE,
  MY_MALAY_GIVEN_MALE,
} from './locale/malaysia.ts';

/**
 * Value pools, built with Faker once per seed and then only indexed. Faker costs ~15 µs a
 * call, which at a million submissions would be the whole time budget; an index into a
 * prebuilt array costs nanoseconds. Pool sizes are powers of two so that a draw is
 * `pool[rng() * size | 0]` with no bias worth caring about.
 */
export interface Person {
  /** As the person types it into a form: "Maria Santos", "Nur Aisyah binti Ahmad". */
  readonly fullName: string;
  /** Lower-case ASCII for e-mail local parts: "maria.santos". */
  readonly emailLocal: string;
  /** Lower-case ASCII handle stem: "mariasantos", "aisyah". */
  readonly handle: string;
}

export interface Pools {
  readonly people: Readonly<Record<Country, readonly Person[]>>;
  /** Fan handles / GOM shop usernames stems: "svt.carat.mnl", "skzoo_stay". */
  readonly fanHandles: readonly string[];
  /** GOM shop display names: "Carat Haven PH GO". */
  readonly shopNames: Readonly<Record<Country, readonly string[]>>;
  /** Browser and app user agents, mobile-heavy as PH/MY traffic is. */
  readonly userAgents: readonly string[];
  /** Short buyer notes and questions GOMs answer. */
  readonly buyerQuestions: readonly string[];
  /** Sign-offs GOMs put under messages. */
  readonly signOffs: Readonly<Record<Country, readonly string[]>>;
}

export const PEOPLE_POOL_SIZE = 4096;
const cache = new Map<number, Pools>();

/** The pools of a seed (built on first use, then cached; a few ms). */
export function poolsFor(seed: number): Pools {
  let pools = cache.get(seed);
  if (!pools) {
    pools = buildPools(seed);
    if (cache.size > 16) cache.clear();
    cache.set(seed, pools);
  }
  return pools;
}

function buildPools(seed: number): Pools {
  const ph = new Faker({ locale: [filPH, en, base] });
  const my = new Faker({ locale: [msMY, en, base] });
  ph.seed(seed >>> 0);
  my.seed((seed ^ 0x5bd1e995) >>> 0);
  return {
    people: { PH: Array.from({ length: PEOPLE_POOL_SIZE }, () => filipino(ph)), MY: Array.from({ length: PEOPLE_POOL_SIZE }, () => malaysian(my)) },
    fanHandles: Array.from({ length: 1024 }, () => fanHandle(ph)),
    shopNames: { PH: Array.from({ length: 512 }, () => shopName(ph, 'PH')), MY: Array.from({ length: 512 }, () => shopName(my, 'MY')) },
    userAgents: Array.from({ length: 256 }, () => userAgent(ph)),
    buyerQuestions: BUYER_QUESTIONS.map((q) => q.replace('{act}', ph.helpers.arrayElement(ACTS).name)),
    signOffs: { PH: ['Salamat po! 💜', 'Thank you po!', 'Ingat! ✨', 'Maraming salamat!', 'Thanks, mwa! 💚'], MY: ['Terima kasih! 💜', 'Thank you!', 'TQ ya! ✨', 'Thanks sis!', 'Terima kasih banyak!'] },
  };
}

// K-pop fandoms are mostly young women; the pools follow that.
function filipino(f: Faker): Person {
  const sex = f.datatype.boolean(0.82) ? 'female' : 'male';
  const first = f.person.firstName(sex);
  const last = f.person.lastName();
  return person(`${first} ${last}`, `${first} ${last}`, first);
}

function malaysian(f: Faker): Person {
  const female = f.datatype.boolean(0.8);
  const tradition = f.helpers.weightedArrayElement([
    { value: 'malay', weight: 55 },
    { value: 'chinese', weight: 35 },
    { value: 'indian', weight: 10 },
  ]);
  if (tradition === 'malay') {
    const given = f.helpers.arrayElement(female ? MY_MALAY_GIVEN_FEMALE : MY_MALAY_GIVEN_MALE);
    const father = f.helpers.arrayElement(MY_MALAY_FATHERS);
    const full = f.datatype.boolean(0.6) ? `${given} ${female ? 'binti' : 'bin'} ${father}` : `${given} ${father}`;
    return person(full, `${given} ${father}`, given);
  }
  if (tradition === 'chinese') {
    const family = f.helpers.arrayElement(MY_CHINESE_SURNAMES);
    const given = f.helpers.arrayElement(MY_CHINESE_GIVEN);
    const english = f.datatype.boolean(0.4) ? `${f.helpers.arrayElement(MY_ENGLISH_GIVEN)} ` : '';
    return person(`${english}${family} ${given}`, `${english || given} ${family}`, `${english ? english : given}${family}`);
  }
  const given = f.helpers.arrayElement(female ? MY_INDIAN_GIVEN_FEMALE : MY_INDIAN_GIVEN_MALE);
  const father = f.helpers.arrayElement(MY_INDIAN_FATHERS);
  const full = f.datatype.boolean(0.5) ? `${given} ${female ? 'a/p' : 'a/l'} ${father}` : `${given} ${father}`;
  return person(full, `${given} ${father}`, given);
}

function person(fullName: string, emailName: string, handleName: string): Person {
  const emailLocal = ascii(emailName).split(/\s+/).filter(Boolean).join('.');
  return { fullName, emailLocal, handle: ascii(handleName).replace(/\s+/g, '') };
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .trim();
}

const FANDOM_WORDS = ['carat', 'stay', 'engene', 'army', 'once', 'moa', 'atiny', 'nctzen', 'blink', 'my', 'fearnot', 'dive', 'zerose', 'briize', 'onedoor', 'teume', 'neverland', 'glit', 'monstiez', '42', 'atin', 'bloom'];
const PLACE_WORDS = { PH: ['mnl', 'ph', 'qc', 'cebu', 'davao', 'pinas'], MY: ['my', 'kl', 'jb', 'pg', 'msia'] } as const;

function fanHandle(f: Faker): string {
  const word = f.helpers.arrayElement(FANDOM_WORDS);
  const stem = f.helpers.arrayElement(['goods', 'go', 'haul', 'pc', 'shop', 'corner', 'stash', 'loot', 'finds', 'closet']);
  const place = f.helpers.arrayElement([...PLACE_WORDS.PH, ...PLACE_WORDS.MY]);
  const sep = f.helpers.arrayElement(['', '.', '_']);
  return `${word}${sep}${stem}${sep}${place}`;
}

function shopName(f: Faker, country: Country): string {
  const fandom = f.helpers.arrayElement(['Carat', 'STAY', 'ENGENE', 'ARMY', 'ONCE', 'MOA', 'ATINY', 'NCTzen', 'BLINK', 'MY', 'Kpop', 'Seoulmate', 'Hallyu', 'Annyeong', 'Saranghae']);
  const noun = f.helpers.arrayElement(['Haven', 'Goods', 'Corner', 'Loot', 'Finds', 'Closet', 'Hub', 'Mart', 'Nook', 'Treasures', 'Stash', 'Express']);
  const place = country === 'PH' ? f.helpers.arrayElement(['PH', 'MNL', 'Cebu', 'QC', 'Davao', 'PH']) : f.helpers.arrayElement(['MY', 'KL', 'JB', 'Penang', 'MY']);
  return `${fandom} ${noun} ${place}${f.datatype.boolean(0.4) ? ' GO' : ''}`;
}

const ANDROID_MODELS = ['SM-A546E', 'SM-A155F', 'SM-S918B', 'SM-A256E', 'Redmi Note 13', '23129RAA4G', 'CPH2591', 'V2250', 'RMX3834', 'Infinix X6833B', 'TECNO KI5q', 'Pixel 8a', 'M2101K6G'];

function userAgent(f: Faker): string {
  const kind = f.helpers.weightedArrayElement([
    { value: 'android', weight: 52 },
    { value: 'iphone', weight: 26 },
    { value: 'desktop', weight: 14 },
    { value: 'faker', weight: 8 },
  ]);
  if (kind === 'android') {
    const chrome = `${f.number.int({ min: 118, max: 131 })}.0.${f.number.int({ min: 5800, max: 6800 })}.${f.number.int({ min: 40, max: 200 })}`;
    return `Mozilla/5.0 (Linux; Android ${f.number.int({ min: 11, max: 15 })}; ${f.helpers.arrayElement(ANDROID_MODELS)}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Mobile Safari/537.36`;
  }
  if (kind === 'iphone') {
    const major = f.number.int({ min: 16, max: 18 });
    const minor = f.number.int({ min: 0, max: 6 });
    return `Mozilla/5.0 (iPhone; CPU iPhone OS ${major}_${minor} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${major}.${minor} Mobile/15E148 Safari/604.1`;
  }
  if (kind === 'desktop') {
    const chrome = `${f.number.int({ min: 118, max: 131 })}.0.0.0`;
    return `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Safari/537.36`;
  }
  // Faker's generator also yields crawlers; a seeded shop's analytics would filter those out.
  for (;;) {
    const ua = f.internet.userAgent();
    if (!/bot|crawl|spider|slurp/i.test(ua)) return ua;
  }
}

const BUYER_QUESTIONS = [
  'Pwede po ba pumili ng member sa PC?',
  'Can I still add 1 more album to my order?',
  'Is the poster included for the {act} album?',
  'When is the ETA po?',
  'Pwede po meetup instead of shipping?',
  'Boleh saya tukar ke Touch n Go?',
  'Hi, I paid na po, sent the screenshot.',
  'Can I request a specific version?',
  'Will pay tomorrow po, sahod pa.',
  'Bulk order for my friends, 3 sets po.',
  'Is shipping to Sabah available?',
  'Wrong quantity po, should be 2.',
];
