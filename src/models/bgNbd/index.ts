export * from './fitBgNbd.ts';
export * from './bgNbdExpectedPurchases.ts';
export * from './bgNbdConditionalExpectedPurchases.ts';
export * from './bgNbdProbabilityAlive.ts';
export * from './bgNbdPurchaseProbability.ts';
