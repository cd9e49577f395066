import type { LocaleDefinition } from '@faker-js/faker';
import { PH_CITIES, PH_GIVEN_FEMALE, PH_GIVEN_MALE, PH_SURNAMES, PH_TIMEZONE } from './philippines.ts';
import {
  MY_CHINESE_GIVEN,
  MY_CHINESE_SURNAMES,
  MY_CITIES,
  MY_INDIAN_FATHERS,
  MY_INDIAN_GIVEN_FEMALE,
  MY_INDIAN_GIVEN_MALE,
  MY_MALAY_FATHERS,
  MY_MALAY_GIVEN_FEMALE,
  MY_MALAY_GIVEN_MALE,
  MY_TIMEZONE,
} from './malaysia.ts';

/**
 * Custom Faker locale definitions for the Philippines and Malaysia. Layered in front of `en`
 * (`new Faker({ locale: [filPH, en, base] })`), they make `faker.person.*`,
 * `faker.phone.number()` and `faker.location.city()` answer with local values.
 */
export const filPH: LocaleDefinition = {
  metadata: { title: 'Filipino (Philippines), GOMFLOW seed', code: 'fil_PH', language: 'fil', endonym: 'Filipino (Pilipinas)', dir: 'ltr', script: 'Latn' },
  person: {
    first_name: { female: [...PH_GIVEN_FEMALE], male: [...PH_GIVEN_MALE] },
    last_name: { generic: [...PH_SURNAMES] },
    // en's patterns would hyphenate double surnames ("Valdez-Salazar"), which Filipinos do not.
    last_name_pattern: { generic: [{ value: '{{person.last_name.generic}}', weight: 1 }] },
    name: [{ value: '{{person.firstName}} {{person.lastName}}', weight: 1 }],
  },
  phone_number: { format: { human: ['09## ### ####', '+63 9## ### ####'], national: ['09#########'], international: ['+639#########'] } },
  location: { city_name: PH_CITIES.map(([city]) => city), default_country: ['Philippines'] },
};

export const msMY: LocaleDefinition = {
  metadata: { title: 'Malay (Malaysia), GOMFLOW seed', code: 'ms_MY', language: 'ms', endonym: 'Bahasa Melayu (Malaysia)', dir: 'ltr', script: 'Latn' },
  person: {
    first_name: {
      female: [...MY_MALAY_GIVEN_FEMALE, ...MY_CHINESE_GIVEN, ...MY_INDIAN_GIVEN_FEMALE],
      male: [...MY_MALAY_GIVEN_MALE, ...MY_INDIAN_GIVEN_MALE],
    },
    last_name: { generic: [...MY_MALAY_FATHERS, ...MY_CHINESE_SURNAMES, ...MY_INDIAN_FATHERS] },
    last_name_pattern: { generic: [{ value: '{{person.last_name.generic}}', weight: 1 }] },
    name: [{ value: '{{person.firstName}} {{person.lastName}}', weight: 1 }],
  },
  phone_number: { format: { human: ['01#-### ####', '011-#### ####'], national: ['01########'], international: ['+601########', '+6011########'] } },
  location: { city_name: MY_CITIES.map(([city]) => city), default_country: ['Malaysia'] },
};
