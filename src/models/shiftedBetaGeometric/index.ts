export * from './fitShiftedBetaGeometric.ts';
export * from './sbgRetentionRate.ts';
export * from './sbgSurvival.ts';
export * from './sbgChurnProbability.ts';
export * from './sbgExpectedLifetime.ts';
export * from './sbgDiscountedExpectedResidualLifetime.ts';
export * from './projectRetentionMatrix.ts';
