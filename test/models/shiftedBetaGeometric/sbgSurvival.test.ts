import { describe, expect, it } from 'vitest';
import { sbgChurnProbability, sbgRetentionRate, sbgSurvival } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const p = { alpha: 0.668, beta: 3.806 }; // Fader & Hardie (2007), High End

describe('sbgSurvival', () => {
  it('survival is the product of retention rates, and churn probability S(t − 1) − S(t) sums to 1', () => {
    let s = 1;
    for (let t = 1; t <= 20; t++) {
      const churn = sbgChurnProbability(p, t);
      expectClose(churn, s - s * sbgRetentionRate(p, t), { rel: 1e-12 });
      s *= sbgRetentionRate(p, t);
      expectClose(sbgSurvival(p, t), s, { rel: 1e-12 });
    }
    expect(sbgSurvival(p, 0)).toBe(1);
    const total = sbgChurnProbability(
      { alpha: 3, beta: 2 },
      Array.from({ length: 5000 }, (_, i) => i + 1),
    ).reduce((a, b) => a + b, 0);
    expectClose(total, 1, { abs: 1e-9 });
  });

  it('throws for t < 0', () => {
    expectThrows(() => sbgSurvival(p, -1), RangeError, 'sbgSurvival', 't (-1)');
  });

  describe('edge cases', () => {
    it('stays positive for a billion periods (log space)', () => {
      expect(sbgSurvival(p, 1e9)).toBeGreaterThan(0);
    });
  });
});
