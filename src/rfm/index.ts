export * from './calibrationHoldoutSplit.ts';
export * from './overdueCustomers.ts';
export * from './rfmScores.ts';
export * from './rfmSegment.ts';
export * from './rfmSummary.ts';
