export * from './historicalClv.ts';
export * from './historicalClvByCustomer.ts';
export * from './retentionClv.ts';
export * from './simpleClv.ts';
