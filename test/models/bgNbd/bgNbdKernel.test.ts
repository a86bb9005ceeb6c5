import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihoodOne } from '../../../src/internal/models/bgNbdKernel.ts';
import { expectClose } from '../../helpers/expectClose.ts';

describe('BG/NBD per-customer log-likelihood', () => {
  const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

  it("matches Hardie's note 027 values (data README: −0.59947382 and 100.7957 at T = 40)", () => {
    expectClose(bgNbdLogLikelihoodOne(p, 0, 0, 40), -0.59947382, { abs: 5e-9 });
    expectClose(bgNbdLogLikelihoodOne(p, 200, 38, 40), 100.7957, { abs: 5e-5 });
  });

  it('equals the closed form r·ln(α/(α + T)) for x = 0 (FHL 2005 eq. 6)', () => {
    expectClose(bgNbdLogLikelihoodOne(p, 0, 0, 17), 0.25 * Math.log(4 / 21), { rel: 1e-14 });
  });

  it('stays finite for frequency 10,000', () => {
    expect(Number.isFinite(bgNbdLogLikelihoodOne(p, 10_000, 39, 40))).toBe(true);
  });
});
