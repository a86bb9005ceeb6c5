/**
 * Finite-difference Hessians, symmetric positive-definite inversion (Cholesky) and standard errors
 * of exp-transformed parameters by the delta method.
 *
 * Models are fitted on x = ln θ. The inverse Hessian of the negative log-likelihood in x is the
 * asymptotic covariance of x̂; since θ = eˣ, the delta method gives se(θ̂ᵢ) = θ̂ᵢ·√Cov(x̂)ᵢᵢ (exact to
 * first order, and at a stationary point identical to inverting the Hessian in θ).
 * @internal
 * @module
 */
import type { ObjectiveFunction } from './optimize.ts';

/** Step options of the finite-difference Hessians. */
export interface HessianOptions {
  /** Relative step h = relativeStep·max(1, |xᵢ|) (default 1e-4 from gradients, 1e-4 from values). */
  readonly relativeStep?: number;
}

/**
 * Hessian from an analytic gradient by central differences of the gradient, symmetrised:
 * Hᵢⱼ = ½·[(∂ⱼf(x + hᵢeᵢ) − ∂ⱼf(x − hᵢeᵢ))/(2hᵢ) + (same with i, j swapped)]. Error O(h²).
 * Returns a row-major n×n array.
 * @example
 * ```ts
 * import { hessianFromGradient } from './hessian.ts';
 *
 * // f = x² + 3xy + 2y², ∇f = (2x + 3y, 3x + 4y): the Hessian is [[2, 3], [3, 4]] everywhere
 * const f = (x: Float64Array, g?: Float64Array) => {
 *   const [a = 0, b = 0] = x;
 *   if (g) g.set([2 * a + 3 * b, 3 * a + 4 * b]);
 *   return a * a + 3 * a * b + 2 * b * b;
 * };
 * hessianFromGradient(f, [1, -2]); // => [2.000000, 3.000000, 3.000000, 4.000000]
 * ```
 */
export function hessianFromGradient(
  f: ObjectiveFunction,
  x: ArrayLike<number>,
  options: HessianOptions = {},
): Float64Array {
  const rel = options.relativeStep ?? 1e-4;
  const n = x.length;
  const H = new Float64Array(n * n);
  const y = Float64Array.from(x);
  const gUp = new Float64Array(n);
  const gDown = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = y[i] as number;
    const h = rel * Math.max(1, Math.abs(xi));
    y[i] = xi + h;
    f(y, gUp);
    y[i] = xi - h;
    f(y, gDown);
    y[i] = xi;
    for (let j = 0; j < n; j++) H[i * n + j] = ((gUp[j] as number) - (gDown[j] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = ((H[i * n + j] as number) + (H[j * n + i] as number)) / 2;
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}

/**
 * Hessian from function values only: central second differences,
 * Hᵢᵢ = (f(x + hᵢ) − 2f(x) + f(x − hᵢ))/hᵢ², Hᵢⱼ = (f(++) − f(+−) − f(−+) + f(−−))/(4hᵢhⱼ).
 * @example
 * ```ts
 * import { hessianFromValues } from './hessian.ts';
 *
 * // f = x² + 3xy + 2y² has the Hessian [[2, 3], [3, 4]]; f = 100eˣ − 400x has f″(ln 4) = 400
 * hessianFromValues(([a = 0, b = 0]) => a * a + 3 * a * b + 2 * b * b, [1, -2]); // => [2.0000, 3.0000, 3.0000, 4.0000]
 * hessianFromValues(([x = 0]) => 100 * Math.exp(x) - 400 * x, [Math.log(4)]); // => [400.00]
 * ```
 */
export function hessianFromValues(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  options: HessianOptions = {},
): Float64Array {
  const rel = options.relativeStep ?? 1e-4;
  const n = x.length;
  const H = new Float64Array(n * n);
  const y = Float64Array.from(x);
  const h = Array.from({ length: n }, (_, i) => rel * Math.max(1, Math.abs(y[i] as number)));
  const f0 = f(y);
  const shifted = (i: number, di: number, j: number, dj: number): number => {
    const xi = y[i] as number;
    const xj = y[j] as number;
    y[i] = xi + di;
    y[j] = (i === j ? xi + di : xj) + (i === j ? 0 : dj);
    const v = f(y);
    y[i] = xi;
    y[j] = xj;
    return v;
  };
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    H[i * n + i] = (shifted(i, hi, i, 0) - 2 * f0 + shifted(i, -hi, i, 0)) / (hi * hi);
    for (let j = i + 1; j < n; j++) {
      const hj = h[j] as number;
      const v =
        (shifted(i, hi, j, hj) - shifted(i, hi, j, -hj) - shifted(i, -hi, j, hj) + shifted(i, -hi, j, -hj)) /
        (4 * hi * hj);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/**
 * Lower-triangular Cholesky factor L (row-major, LLᵀ = A) of a symmetric matrix, or `null` when A is
 * not (numerically) positive definite.
 * @example
 * ```ts
 * import { cholesky } from './hessian.ts';
 *
 * // [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]
 * cholesky([4, 2, 2, 3], 2); // => [2, 0, 1, 1.4142135623730951]
 * // [[1, 2], [2, 1]] has eigenvalues 3 and −1: not positive definite
 * cholesky([1, 2, 2, 1], 2); // => null
 * ```
 */
export function cholesky(A: ArrayLike<number>, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / (L[j * n + j] as number);
      }
    }
  }
  return L;
}

/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor, or `null`.
 * @example
 * ```ts
 * import { invertSymmetricPositiveDefinite } from './hessian.ts';
 *
 * // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]]/8
 * invertSymmetricPositiveDefinite([4, 2, 2, 3], 2); // => [0.375, -0.25, -0.25, 0.5]
 * invertSymmetricPositiveDefinite([1, 2, 2, 1], 2); // => null
 * ```
 */
export function invertSymmetricPositiveDefinite(A: ArrayLike<number>, n: number): Float64Array | null {
  const L = cholesky(A, n);
  if (!L) return null;
  // Solve L·Lᵀ·X = I column by column.
  const inv = new Float64Array(n * n);
  const z = new Float64Array(n);
  for (let col = 0; col < n; col++) {
    for (let i = 0; i < n; i++) {
      let s = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) s -= (L[i * n + k] as number) * (z[k] as number);
      z[i] = s / (L[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i] as number;
      for (let k = i + 1; k < n; k++) s -= (L[k * n + i] as number) * (inv[k * n + col] as number);
      inv[i * n + col] = s / (L[i * n + i] as number);
    }
  }
  return inv;
}

/** Covariance of the log-parameters and standard errors of θ = exp(x) by the delta method. */
export interface LogScaleUncertainty {
  /** Covariance matrix of x̂ = ln θ̂ (n×n, nested arrays for JSON), or `null` when the Hessian is not positive definite. */
  readonly logCovariance: number[][] | null;
  /** se(θ̂ᵢ) = θ̂ᵢ·√Cov(x̂)ᵢᵢ; NaN when the Hessian is not positive definite. */
  readonly standardErrors: number[];
}

/**
 * Uncertainty of exp-transformed parameters from the Hessian of the negative log-likelihood in log
 * parameters (`hessian`, row-major n×n) at the optimum `logParams`.
 * @example
 * ```ts
 * import { logScaleUncertainty } from './hessian.ts';
 *
 * // Poisson rate from 100 observations totalling 400: −ℓ(x) = 100eˣ − 400x with x = ln λ has Hessian
 * // 100λ̂ = 400 at λ̂ = 4, so Var(x̂) = 1/400 and se(λ̂) = λ̂·√(1/400) = √(λ̂/n) = 0.2, the textbook value.
 * logScaleUncertainty([400], [Math.log(4)]); // => { logCovariance: [[0.0025]], standardErrors: [0.2] }
 * logScaleUncertainty([-1], [0]); // => { logCovariance: null, standardErrors: [NaN] }
 * ```
 */
export function logScaleUncertainty(hessian: ArrayLike<number>, logParams: ArrayLike<number>): LogScaleUncertainty {
  const n = logParams.length;
  const inv = invertSymmetricPositiveDefinite(hessian, n);
  if (!inv) return { logCovariance: null, standardErrors: Array.from({ length: n }, () => Number.NaN) };
  // The inverse of an ill-conditioned Hessian is symmetric only to its conditioning; its consumers
  // (readLogCovariance) require a symmetric matrix, so the two triangles are averaged.
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = ((inv[i * n + j] as number) + (inv[j * n + i] as number)) / 2;
      inv[i * n + j] = m;
      inv[j * n + i] = m;
    }
  const logCovariance: number[][] = [];
  const standardErrors: number[] = [];
  for (let i = 0; i < n; i++) {
    logCovariance.push(Array.from(inv.subarray(i * n, i * n + n)));
    const v = inv[i * n + i] as number;
    standardErrors.push(Math.exp(logParams[i] as number) * Math.sqrt(v));
  }
  return { logCovariance, standardErrors };
}
