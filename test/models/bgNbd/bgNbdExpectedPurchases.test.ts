import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases } from '../../../src/index.ts';
import { expectClose } from '../../helpers/expectClose.ts';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL 2005, 3 decimals
const refit = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 }; // data README refit

describe('bgNbdExpectedPurchases', () => {
  it('reproduces E[X(t)] for t = 0.1429, 1, 3, 31.8571, 32 (data README, 4 decimals) with the refit parameters', () => {
    const got = bgNbdExpectedPurchases(refit, [0.1429, 1, 3, 31.8571, 32]);
    [0.0078, 0.0532, 0.1506, 1.0405, 1.0437].forEach((e, i) => {
      expectClose(got[i] as number, e, { abs: 5e-5 });
    });
  });

  it('is within 3e-4 of the printed E[X(78)] = 1.8576', () => {
    // An independent evaluation (mpmath 1.3, 50 digits, of FHL 2005 eq. 7 with scipy-free 2F1) at the
    // refit parameters gives 1.857972; the printed 1.8576 differs in the fourth decimal, presumably
    // from other rounding of the parameters. We check the mpmath value tightly and the printed one loosely.
    const v = bgNbdExpectedPurchases(refit, 78);
    expectClose(v, 1.8579721052, { rel: 1e-9 });
    expectClose(v, 1.8576, { rel: 3e-4 });
  });

  it('is 0 at t = 0 and non-decreasing in t', () => {
    const ts = [0, 0.5, 1, 5, 20, 100, 1000, 1e5];
    const v = bgNbdExpectedPurchases(published, ts);
    expect(v[0]).toBe(0);
    for (let i = 1; i < v.length; i++) expect(v[i] as number).toBeGreaterThanOrEqual(v[i - 1] as number);
  });

  it('handles a = 1 exactly (the 0/0 limit)', () => {
    const near = bgNbdExpectedPurchases({ ...published, a: 1 + 1e-4 }, 39);
    const at = bgNbdExpectedPurchases({ ...published, a: 1 }, 39);
    expectClose(at, near, { rel: 1e-3 });
  });
});
