import { describe, expect, it } from 'vitest';
import {
  cholesky,
  hessianFromGradient,
  hessianFromValues,
  invertSymmetricPositiveDefinite,
  logScaleUncertainty,
} from '../../src/internal/hessian.ts';
import type { ObjectiveFunction } from '../../src/internal/optimize.ts';
import { expectClose } from '../helpers/expectClose.ts';

// f(x) = ½xᵀAx + x₀³ has Hessian A + diag(6x₀, 0, 0): an exact oracle.
const A = [4, 1, 0.5, 1, 3, -0.2, 0.5, -0.2, 2];
const f = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) s += 0.5 * (x[i] as number) * (A[i * 3 + j] as number) * (x[j] as number);
  return s + (x[0] as number) ** 3;
};
const fg: ObjectiveFunction = (x, g) => {
  if (g) {
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += (A[i * 3 + j] as number) * (x[j] as number);
      g[i] = s;
    }
    g[0] = (g[0] as number) + 3 * (x[0] as number) ** 2;
  }
  return f(x);
};

describe('finite-difference Hessians', () => {
  it('recover the exact Hessian of a cubic from gradients and from values', () => {
    const x = [0.5, -1, 2];
    const expected = [...A];
    expected[0] = 4 + 6 * 0.5;
    const hg = hessianFromGradient(fg, x);
    const hv = hessianFromValues(f, x);
    for (let k = 0; k < 9; k++) {
      expectClose(hg[k] as number, expected[k] as number, { abs: 1e-7 });
      expectClose(hv[k] as number, expected[k] as number, { abs: 1e-5 });
    }
  });
});

describe('cholesky and inversion', () => {
  it('factor and invert a symmetric positive-definite matrix (A·A⁻¹ = I)', () => {
    const L = cholesky(A, 3);
    expect(L).not.toBeNull();
    const inv = invertSymmetricPositiveDefinite(A, 3) as Float64Array;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += (A[i * 3 + k] as number) * (inv[k * 3 + j] as number);
        expectClose(s, i === j ? 1 : 0, { abs: 1e-14 });
      }
    }
  });

  it('return null for an indefinite or non-finite matrix', () => {
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    expect(invertSymmetricPositiveDefinite([Number.NaN, 0, 0, 1], 2)).toBeNull();
  });
});

describe('logScaleUncertainty', () => {
  it('applies the delta method se(θ) = θ·√Var(ln θ)', () => {
    // Diagonal Hessian diag(100, 25) in log parameters: Var(ln θ) = 0.01, 0.04.
    const u = logScaleUncertainty([100, 0, 0, 25], [Math.log(2), Math.log(10)]);
    expectClose(u.standardErrors[0] as number, 2 * 0.1, { rel: 1e-14 });
    expectClose(u.standardErrors[1] as number, 10 * 0.2, { rel: 1e-14 });
    expect(u.logCovariance).toEqual([
      [0.01, 0],
      [0, 0.04],
    ]);
  });

  it('returns NaN standard errors and a null covariance when the Hessian is not positive definite', () => {
    const u = logScaleUncertainty([1, 0, 0, -1], [0, 0]);
    expect(u.logCovariance).toBeNull();
    expect(u.standardErrors.every(Number.isNaN)).toBe(true);
  });
});
