export type * from './types.ts';
export * from './periodTransactions.ts';
export * from './holdoutComparison.ts';
