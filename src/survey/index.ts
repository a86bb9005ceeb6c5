export * from './netPromoterScore.ts';
export * from './netPromoterScoreFromCounts.ts';
export * from './compareNetPromoterScores.ts';
export * from './customerSatisfactionScore.ts';
export * from './customerSatisfactionIndex.ts';
export * from './customerSatisfactionIndexByRespondent.ts';
export * from './customerEffortScore.ts';
export * from './wilsonInterval.ts';
