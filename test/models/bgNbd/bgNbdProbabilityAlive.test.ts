import { describe, expect, it } from 'vitest';
import { bgNbdProbabilityAlive } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL 2005, 3 decimals

describe('bgNbdProbabilityAlive', () => {
  it('matches the closed form 1/(1 + a/(b + x − 1)·((α + T)/(α + tₓ))^(r + x)) (FHL 2005 eq. 11)', () => {
    const { r, alpha, a, b } = published;
    const expected = 1 / (1 + (a / (b + 2 - 1)) * ((alpha + 38.86) / (alpha + 30.43)) ** (r + 2));
    expectClose(bgNbdProbabilityAlive(published, { frequency: 2, recency: 30.43, T: 38.86 }), expected, { rel: 1e-14 });
  });

  it('is exactly 0 with no NaN for x = 1000, tₓ = 10, T = 100 (data README)', () => {
    const v = bgNbdProbabilityAlive(published, { frequency: 1000, recency: 10, T: 100 });
    expect(v).toBe(0);
  });

  it('is 1 for customers without repeat purchases and when T = recency is tiny', () => {
    expect(bgNbdProbabilityAlive(published, { frequency: 0, recency: 0, T: 50 })).toBe(1);
    expect(bgNbdProbabilityAlive(published, [{ frequency: 5, recency: 10, T: 10 }])[0]).toBeGreaterThan(0.5);
  });

  it('throws for invalid params', () => {
    expectThrows(
      () => bgNbdProbabilityAlive({ ...published, r: 0 }, { frequency: 1, recency: 1, T: 1 }),
      RangeError,
      'bgNbdProbabilityAlive',
      'params.r (0) must be greater than 0',
    );
    expectThrows(
      () => bgNbdProbabilityAlive(null as never, { frequency: 1, recency: 1, T: 1 }),
      TypeError,
      'bgNbdProbabilityAlive',
      'params must be an object',
    );
  });
});
