export * from './calibrationHoldoutSql.ts';
export * from './customerSampleSql.ts';
export * from './quoteSqlIdentifier.ts';
export * from './quoteSqlLiteral.ts';
export * from './retentionCountsSql.ts';
export * from './retentionMatrixFromCounts.ts';
export * from './rfmSummarySql.ts';
export * from './scoringUdfSql.ts';
export type * from './types.ts';
