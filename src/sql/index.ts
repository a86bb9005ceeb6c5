export * from './calibrationHoldoutSql.ts';
export * from './quoteSqlIdentifier.ts';
export * from './quoteSqlLiteral.ts';
export * from './rfmSummarySql.ts';
export type * from './types.ts';
