export type * from './types.ts';
export * from './periodTransactions.ts';
export * from './holdoutComparison.ts';
export * from './trackingTransactions.ts';
export * from './modelSummary.ts';
export * from './holdoutScorecard.ts';
export * from './aliveHistory.ts';
export * from './expectedTotals.ts';
