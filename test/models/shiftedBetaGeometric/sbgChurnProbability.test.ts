import { describe, it } from 'vitest';
import { sbgChurnProbability } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const p = { alpha: 0.668, beta: 3.806 }; // Fader & Hardie (2007), High End

describe('sbgChurnProbability', () => {
  it('equals S(t − 1) − S(t) = S(t − 1)·(1 − r(t)) (Fader & Hardie 2007 eq. 1)', () => {
    let s = 1;
    for (let t = 1; t <= 20; t++) {
      expectClose(sbgChurnProbability(p, t), s * (1 - (p.beta + t - 1) / (p.alpha + p.beta + t - 1)), { rel: 1e-12 });
      s *= (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
    }
  });

  it('sums to 1 over t = 1, 2, …', () => {
    const total = sbgChurnProbability(
      { alpha: 3, beta: 2 },
      Array.from({ length: 5000 }, (_, i) => i + 1),
    ).reduce((a, b) => a + b, 0);
    expectClose(total, 1, { abs: 1e-9 });
  });

  it('is α/(α + β) in the first period', () => {
    expectClose(sbgChurnProbability(p, 1), 0.668 / 4.474, { rel: 1e-14 });
  });

  it('throws for t < 1', () => {
    expectThrows(() => sbgChurnProbability(p, 0.5), RangeError, 'sbgChurnProbability', 't (0.5)');
  });
});
