import { describe, expect, it } from 'vitest';
import { bgNbdProbabilityAlive, mbgNbdProbabilityAlive } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

// BTYDplus CDNOW estimates; "mpmath" values are 30-digit evaluations of the closed forms of Batislam,
// Denizel & Filiztekin (2007) (the formulas of lifetimes' ModifiedBetaGeoFitter) with mpmath.hyp2f1.
const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe('mbgNbdProbabilityAlive', () => {
  it('matches mpmath, including customers without repeat purchases (< 1, unlike BG/NBD)', () => {
    expectClose(
      mbgNbdProbabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }),
      0.706202265118487275758626391278,
      { rel: 1e-13 },
    );
    expectClose(mbgNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 }), 0.3897350809187629, {
      rel: 1e-13,
    });
    expect(bgNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });

  it('returns 0, not NaN, for x = 1000, tₓ = 10, T = 100 (mpmath: 4.2e-815)', () => {
    expect(mbgNbdProbabilityAlive(params, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
  });

  it('throws for invalid input', () => {
    expectThrows(
      () => mbgNbdProbabilityAlive({ ...params, a: Number.NaN }, { frequency: 1, recency: 1, T: 2 }),
      RangeError,
      'mbgNbdProbabilityAlive',
      'params.a (NaN) must be a finite number',
    );
    expectThrows(
      () => mbgNbdProbabilityAlive(params, { frequency: [1], recency: [1, 2], T: [2] }),
      RangeError,
      'mbgNbdProbabilityAlive',
      'customer.recency has length 2, expected 1',
    );
  });

  describe('edge cases', () => {
    it('is below 1 even right after a purchase (the customer may drop out then), and handles T = 0 and no customers', () => {
      // tₓ = T: 1/(1 + a/(b + x)).
      expectClose(
        mbgNbdProbabilityAlive(params, { frequency: 3, recency: 20, T: 20 }),
        1 / (1 + params.a / (params.b + 3)),
        { rel: 1e-14 },
      );
      expectClose(mbgNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 0 }), 1 / (1 + params.a / params.b), {
        rel: 1e-14,
      });
      expect(mbgNbdProbabilityAlive(params, [])).toEqual([]);
    });
  });
});
