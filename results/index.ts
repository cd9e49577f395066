export * from './resultsModel.ts';
export * from './histogram.ts';
export * from './resultsSchema.ts';
export * from './writeResults.ts';
