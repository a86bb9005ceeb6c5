import { describe, expect, it } from 'vitest';
import { minimizeBfgs, withNumericalGradient, type ObjectiveFunction } from '../../src/internal/optimize.ts';
import { expectClose } from '../helpers/expectClose.ts';

// Rosenbrock's function, minimum 0 at (1, 1) (Nocedal & Wright, "Numerical Optimization", eq. 2.22).
const rosenbrock: ObjectiveFunction = (x, g) => {
  const [a, b] = [x[0] as number, x[1] as number];
  if (g) {
    g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
    g[1] = 200 * (b - a * a);
  }
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};

describe('minimizeBfgs', () => {
  it('reports convergence at a minimiser to working precision even when rounding stalls the line search', () => {
    // −ℓ/W of a Poisson rate (400 events in 100 units) on the log scale: minimum at x = ln 4. Dividing by W
    // leaves rounding noise that stops the line search while the gradient is still above 1e-9.
    const f: ObjectiveFunction = (x, g) => {
      const lambda = Math.exp(x[0] as number);
      if (g) g[0] = -(400 - 100 * lambda) / 100;
      return -(400 * (x[0] as number) - 100 * lambda) / 100;
    };
    const result = minimizeBfgs(f, [0], { gradientTolerance: 1e-9 }); // before the fix: converged false, reason "lineSearch"
    expect(result.converged).toBe(true);
    expectClose(Math.exp(result.x[0] as number), 4, { rel: 1e-8 });
  });

  it('still reports a failed line search away from a minimum', () => {
    // A gradient that lies (points uphill everywhere): no step can decrease f.
    const f: ObjectiveFunction = (x, g) => {
      if (g) g[0] = -1;
      return (x[0] as number) ** 2 + 1;
    };
    const result = minimizeBfgs(f, [1]);
    expect(result.converged).toBe(false);
  });

  it('finds the minimum of the Rosenbrock function from (−1.2, 1)', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expectClose(r.x[0] as number, 1, { abs: 1e-6 });
    expectClose(r.x[1] as number, 1, { abs: 1e-6 });
    expect(r.value).toBeLessThan(1e-12);
  });

  it('minimises a quadratic exactly, with numerical gradients too', () => {
    // f(x) = Σ (i + 1)(xᵢ − i)², minimum at xᵢ = i.
    const f = (x: Float64Array) => x.reduce((s, v, i) => s + (i + 1) * (v - i) ** 2, 0);
    const r = minimizeBfgs(withNumericalGradient(f), [5, 5, 5, 5]);
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => {
      expectClose(v, i, { abs: 1e-6 });
    });
  });

  it('reports converged: false instead of throwing when it runs out of iterations', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('maxIterations');
    expect(r.iterations).toBe(2);
    expect(r.value).toBeLessThan(rosenbrock(Float64Array.from([-1.2, 1])));
  });

  it('reports converged: false for an objective that is not finite at the start', () => {
    const r = minimizeBfgs(() => Number.NaN, [0, 0]);
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('nonFinite');
  });

  it('backs off from regions where the objective overflows', () => {
    // exp(x) overflows for x > 709; minimum of e^x − 2x at x = ln 2.
    const f: ObjectiveFunction = (x, g) => {
      const v = x[0] as number;
      if (g) g[0] = Math.exp(v) - 2;
      return Math.exp(v) - 2 * v;
    };
    const r = minimizeBfgs(f, [-30], { maxStep: 1e6 });
    expect(r.converged).toBe(true);
    expectClose(r.x[0] as number, Math.LN2, { abs: 1e-7 });
  });

  it('starts converged at a stationary point', () => {
    const r = minimizeBfgs(rosenbrock, [1, 1]);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(0);
  });
});
