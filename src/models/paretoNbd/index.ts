export * from './fitParetoNbd.ts';
export * from './paretoNbdExpectedPurchases.ts';
export * from './paretoNbdConditionalExpectedPurchases.ts';
export * from './paretoNbdProbabilityAlive.ts';
export * from './paretoNbdPurchaseProbability.ts';
