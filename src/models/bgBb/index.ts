export * from './fitBgBb.ts';
export * from './bgBbProbabilityAlive.ts';
export * from './bgBbConditionalExpectedPurchases.ts';
export * from './bgBbExpectedPurchases.ts';
export * from './bgBbPurchaseProbability.ts';
