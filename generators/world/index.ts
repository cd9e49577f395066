export * from './ids.ts';
export * from './orders.ts';
export * from './people.ts';
export * from './plan.ts';
export * from './submissions.ts';
export * from './time.ts';
export * from './detail.ts';
export * from './format.ts';
