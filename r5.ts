import { fitBgNbd } from './src/index.ts';
console.log(fitBgNbd([{ frequency: 1, recency: 5, T: 10 }, { frequency: 0, recency: 0, T: 10 }]));
console.log(fitBgNbd([{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 12 }]));
