import { describe, expect, it } from 'vitest';
import { fitShiftedBetaGeometric, sbgSurvival } from '../../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { sbgSurvivors } from '../cdnow.ts';

const survivors = sbgSurvivors();

describe('fitShiftedBetaGeometric', () => {
  it('reproduces Regular α = 0.704, β = 1.182, ℓ = −1680.27 on years 0–7 (Fader & Hardie 2007; data README)', () => {
    const fit = fitShiftedBetaGeometric(deepFreeze(survivors.regular.slice(0, 8)));
    expect(fit.converged).toBe(true);
    expect(fit.periods).toBe(7);
    expectClose(fit.params.alpha, 0.704, { abs: 5e-4 });
    expectClose(fit.params.beta, 1.182, { abs: 5e-4 });
    expectClose(fit.logLikelihood, -1680.27, { abs: 5e-3 });
  });

  it('reproduces High End α = 0.668, β = 3.806, ℓ = −1611.16 and the projected survivors of years 8–12', () => {
    const fit = fitShiftedBetaGeometric(survivors.highEnd.slice(0, 8));
    expectClose(fit.params.alpha, 0.668, { abs: 5e-4 });
    expectClose(fit.params.beta, 3.806, { abs: 5e-4 });
    expectClose(fit.logLikelihood, -1611.16, { abs: 5e-3 });
    const projected = sbgSurvival(fit.params, [8, 9, 10, 11, 12]);
    [0.46, 0.436, 0.414, 0.395, 0.378].forEach((e, i) => {
      expectClose(projected[i] as number, e, { abs: 5e-4 });
    });
    // and against the observed hold-out survivors (of 1,000) within a few percentage points
    projected.forEach((v, i) => {
      expect(Math.abs(v - (survivors.highEnd[8 + i] as number) / 1000)).toBeLessThan(0.03);
    });
  });

  it('includes the right-censored survivors: dropping them changes the fit', () => {
    const full = fitShiftedBetaGeometric(survivors.regular.slice(0, 8));
    // With all survivors churning in a final period the data say something else entirely.
    const closed = fitShiftedBetaGeometric([...survivors.regular.slice(0, 8), 0]);
    expect(Math.abs(closed.params.beta - full.params.beta)).toBeGreaterThan(0.1);
  });

  it('does not throw when nobody churns: β runs to the boundary and the churn estimate α/(α + β) is ~0', () => {
    const fit = fitShiftedBetaGeometric([100, 100, 100]);
    expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeLessThan(1e-3);
  });

  it('throws for invalid counts', () => {
    expectThrows(() => fitShiftedBetaGeometric([100]), RangeError, 'fitShiftedBetaGeometric', 'at least two counts');
    expectThrows(
      () => fitShiftedBetaGeometric([100, 120]),
      RangeError,
      'fitShiftedBetaGeometric',
      'alive[1] (120) must not exceed alive[0] (100)',
    );
    expectThrows(
      () => fitShiftedBetaGeometric([100, 9.5]),
      RangeError,
      'fitShiftedBetaGeometric',
      'alive[1] (9.5) must be a non-negative integer',
    );
    expectThrows(() => fitShiftedBetaGeometric([0, 0]), RangeError, 'fitShiftedBetaGeometric', 'alive[0] (0)');
    expectThrows(
      () => fitShiftedBetaGeometric(['100', 50] as never),
      TypeError,
      'fitShiftedBetaGeometric',
      'alive[0] must be a number',
    );
  });
});
