import { sbgChurnProbability, sbgSurvival } from './src/index.ts';
import { logGammaDifference } from './src/internal/special.ts';
const p = { alpha: 0.01, beta: 0.01 };
const [s0, s1] = sbgSurvival(p, [307, 308]) as [number, number];
console.log(sbgChurnProbability(p, 308), s0 - s1, s0, s1, logGammaDifference(0.01, 1), logGammaDifference(0.02, 308), logGammaDifference(0.01,307));
