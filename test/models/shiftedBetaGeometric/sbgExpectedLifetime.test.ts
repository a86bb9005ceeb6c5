import { describe, expect, it } from 'vitest';
import { sbgExpectedLifetime, sbgSurvival } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const p = { alpha: 0.668, beta: 3.806 }; // Fader & Hardie (2007), High End

describe('sbgExpectedLifetime', () => {
  it('expected lifetime is (α + β − 1)/(α − 1) = Σ S(t), infinite for α ≤ 1', () => {
    const q = { alpha: 3, beta: 5 };
    // S(t) ~ t^−3 here, so the tail beyond 20,000 is below 1e-7 relative.
    const sum = sbgSurvival(
      q,
      Array.from({ length: 20_000 }, (_, t) => t),
    ).reduce((a, b) => a + b, 0);
    expectClose(sbgExpectedLifetime(q), 3.5, { rel: 1e-15 });
    expectClose(sum, 3.5, { rel: 1e-6 });
    expect(sbgExpectedLifetime(p)).toBe(Infinity);
  });

  it('throws for missing parameters', () => {
    expectThrows(() => sbgExpectedLifetime({ alpha: 1 } as never), TypeError, 'sbgExpectedLifetime', 'params.beta');
  });
});
