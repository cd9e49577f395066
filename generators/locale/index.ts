export * from './country.ts';
export * from './fakerLocales.ts';
export * from './philippines.ts';
export * from './malaysia.ts';
