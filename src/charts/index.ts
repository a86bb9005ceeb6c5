export type * from './types.ts';
export * from './cohortHeatmapSpec.ts';
export * from './cohortHeatmapSvg.ts';
export * from './cohortRevenueSpec.ts';
export * from './probabilityAliveMatrixSpec.ts';
export * from './retentionCurveSpec.ts';
export * from './retentionCurveSvg.ts';
export * from './survivalCurveSpec.ts';
export * from './survivalCurveSvg.ts';
