export * from './renderRunReports.ts';
export * from './evaluateBudgets.ts';
export * from './decideVerdict.ts';
