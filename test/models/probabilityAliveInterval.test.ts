import { describe, expect, it } from 'vitest';
import { bgNbdProbabilityAlive, fitBgNbd, probabilityAliveInterval } from '../../src/index.ts';
import { createRng } from '../../src/internal/random.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { cdnowSummary } from './cdnow.ts';

const fit = fitBgNbd(cdnowSummary());
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('probabilityAliveInterval', () => {
  it('centres on the point prediction and brackets it', () => {
    const r = probabilityAliveInterval(fit, customer, { draws: 400 });
    expectClose(r.estimate, bgNbdProbabilityAlive(fit.params, customer), { rel: 1e-15 });
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    expect(r.lower).toBeGreaterThanOrEqual(0);
    expect(r.upper).toBeLessThanOrEqual(1);
    expect(r.draws).toBe(400);
  });

  it('is deterministic for a seed and for an injected rng, and narrower at a lower confidence level', () => {
    const a = probabilityAliveInterval(fit, customer, { draws: 300, seed: 3 });
    const b = probabilityAliveInterval(fit, customer, { draws: 300, seed: 3 });
    expect(a).toEqual(b);
    const c = probabilityAliveInterval(fit, customer, { draws: 300, rng: createRng(9) });
    const d = probabilityAliveInterval(fit, customer, { draws: 300, rng: createRng(9) });
    expect(c).toEqual(d);
    const narrow = probabilityAliveInterval(fit, customer, { draws: 300, seed: 3, confidenceLevel: 0.5 });
    expect(narrow.upper - narrow.lower).toBeLessThan(a.upper - a.lower);
  });

  it('has a width consistent with the delta method (±1.96·se of P(alive) from the covariance)', () => {
    // Independent check: numerical gradient of P(alive) in log-parameters times the fit's covariance.
    const cov = fit.logCovariance as number[][];
    const names = ['r', 'alpha', 'a', 'b'] as const;
    const g = names.map((k) => {
      const h = 1e-5;
      const up = { ...fit.params, [k]: fit.params[k] * Math.exp(h) };
      const down = { ...fit.params, [k]: fit.params[k] * Math.exp(-h) };
      return (bgNbdProbabilityAlive(up, customer) - bgNbdProbabilityAlive(down, customer)) / (2 * h);
    });
    let variance = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) variance += (g[i] as number) * (cov[i]?.[j] as number) * (g[j] as number);
    const r = probabilityAliveInterval(fit, customer, { draws: 4000, seed: 5 });
    expectClose(r.upper - r.lower, 2 * 1.959964 * Math.sqrt(variance), { rel: 0.1 });
  });

  it('returns NaN bounds when the covariance is null and throws when it is missing', () => {
    const r = probabilityAliveInterval({ model: 'bgNbd', params: fit.params, logCovariance: null }, customer);
    expect(r.lower).toBeNaN();
    expect(r.upper).toBeNaN();
    expectThrows(
      () => probabilityAliveInterval({ model: 'bgNbd', params: fit.params }, customer),
      TypeError,
      'probabilityAliveInterval',
      'logCovariance is required',
    );
  });

  it('rejects a generator that returns values outside [0, 1) and too many draws', () => {
    expectThrows(
      () => probabilityAliveInterval(fit, customer, { rng: () => 1 }),
      RangeError,
      'probabilityAliveInterval',
      'rng returned 1',
    );
    expectThrows(
      () => probabilityAliveInterval(fit, customer, { draws: 1e6 }),
      RangeError,
      'probabilityAliveInterval',
      'draws (1000000) must not exceed 100000',
    );
  });
});
