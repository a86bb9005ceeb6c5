import { describe, expect, it } from 'vitest';
import { mbgNbdExpectedPurchases } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

// BTYDplus CDNOW estimates; "mpmath" values are 30-digit evaluations of the closed forms of Batislam,
// Denizel & Filiztekin (2007) (the formulas of lifetimes' ModifiedBetaGeoFitter) with mpmath.hyp2f1.
const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe('mbgNbdExpectedPurchases', () => {
  it('matches mpmath on the Hardie time grid and the Excel values within the lifetimes tolerance (5 %)', () => {
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const mp = [
      0.00778312371554849, 0.0530847952637018, 0.150863288606641, 1.03404210002867, 1.03718283242863, 1.80475757755314,
    ];
    const excel = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576]; // BG/NBD sheet, as compared by lifetimes (rtol 0.05)
    mbgNbdExpectedPurchases(params, times).forEach((v, i) => {
      expectClose(v, mp[i] as number, { rel: 1e-12 });
      expectClose(v, excel[i] as number, { rel: 0.05 });
    });
    expect(mbgNbdExpectedPurchases(params, 0)).toBe(0);
  });

  describe('edge cases', () => {
    it('stays finite for huge horizons and returns an empty array for no horizons', () => {
      expect(Number.isFinite(mbgNbdExpectedPurchases(params, 1e12))).toBe(true);
      expect(mbgNbdExpectedPurchases(params, [])).toEqual([]);
    });

    it('throws for invalid horizons and params', () => {
      expectThrows(
        () => mbgNbdExpectedPurchases(params, [1, -2]),
        RangeError,
        'mbgNbdExpectedPurchases',
        't[1] (-2) must be a non-negative finite number',
      );
      expectThrows(
        () => mbgNbdExpectedPurchases({ ...params, r: '1' } as never, 1),
        TypeError,
        'mbgNbdExpectedPurchases',
        'params.r must be a number, got "1"',
      );
    });
  });
});
