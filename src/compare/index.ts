export * from './compareRates.ts';
export * from './compareToBenchmark.ts';
export * from './metricTrend.ts';
export * from './percentileRank.ts';
