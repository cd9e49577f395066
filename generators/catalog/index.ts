export * from './gateways.ts';
export * from './groups.ts';
export * from './items.ts';
export * from './listing.ts';
