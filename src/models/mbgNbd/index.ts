export * from './fitMbgNbd.ts';
export * from './mbgNbdExpectedPurchases.ts';
export * from './mbgNbdConditionalExpectedPurchases.ts';
export * from './mbgNbdProbabilityAlive.ts';
export * from './mbgNbdPurchaseProbability.ts';
