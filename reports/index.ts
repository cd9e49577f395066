export * from './resultsModel.ts';
export * from './histogram.ts';
export * from './resultsSchema.ts';
export * from './writeResults.ts';
export * from './renderRunReports.ts';
export * from './evaluateBudgets.ts';
export * from './decideVerdict.ts';
