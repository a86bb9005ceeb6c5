import { describe, expect, it } from 'vitest';
import { sbgRetentionRate } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const p = { alpha: 0.668, beta: 3.806 }; // Fader & Hardie (2007), High End

describe('sbgRetentionRate', () => {
  it('retention rate is (β + t − 1)/(α + β + t − 1) and increases with t (Fader & Hardie 2007 eq. 4)', () => {
    expectClose(sbgRetentionRate(p, 1), 3.806 / 4.474, { rel: 1e-15 });
    const r = sbgRetentionRate(p, [1, 2, 5, 50]);
    for (let i = 1; i < r.length; i++) expect(r[i] as number).toBeGreaterThan(r[i - 1] as number);
  });

  it('throws for t < 1', () => {
    expectThrows(
      () => sbgRetentionRate(p, 0),
      RangeError,
      'sbgRetentionRate',
      't (0) must be a finite number of at least 1',
    );
  });
});
