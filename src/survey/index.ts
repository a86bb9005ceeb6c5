export * from './netPromoterScore.ts';
export * from './netPromoterScoreFromCounts.ts';
