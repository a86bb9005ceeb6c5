/**
 * Unconstrained minimisation by BFGS with a strong-Wolfe line search (Nocedal & Wright, "Numerical
 * Optimization", 2nd ed., Algorithms 6.1, 3.5 and 3.6), used by every model fit on log-scale
 * parameters. It never throws for non-convergence: the result says `converged: false` and the caller
 * decides. Non-finite objective values (overflow at a wild trial point) are treated as "too far" and
 * the step is shortened.
 * @internal
 * @module
 */

/**
 * An objective to minimise. When `gradient` is given the function must also write ∂f/∂xᵢ into it.
 * Use {@link withNumericalGradient} to wrap a value-only function.
 */
export type ObjectiveFunction = (x: Float64Array, gradient?: Float64Array) => number;

/** Named, overridable tolerances of {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Converged when max |∂f/∂xᵢ| ≤ this (default 1e-8). */
  readonly gradientTolerance?: number;
  /** Converged when the objective changes by less than this relative amount in an iteration (default 1e-13). */
  readonly valueTolerance?: number;
  /** Converged when no coordinate moves by more than this (default 1e-12). */
  readonly stepTolerance?: number;
  /** Iteration cap (default 1,000). */
  readonly maxIterations?: number;
  /** Sufficient-decrease constant c₁ of the Wolfe conditions (default 1e-4). */
  readonly armijo?: number;
  /** Curvature constant c₂ of the strong Wolfe conditions (default 0.9). */
  readonly curvature?: number;
  /** Longest first step along the search direction, in x units (default 5): keeps exp(x) finite. */
  readonly maxStep?: number;
  /**
   * Box [lower, upper] for every coordinate (default unbounded). Trial points are projected onto the
   * box, and a coordinate held at a bound by a gradient pointing out of the box leaves the search
   * direction and the convergence test (the projected gradient).
   */
  readonly lower?: number;
  readonly upper?: number;
  /**
   * Starting inverse-Hessian approximation (n×n, row-major, positive definite), e.g. the `inverseHessian`
   * of a run on a similar objective; default a scaled identity.
   */
  readonly initialInverseHessian?: Float64Array;
}

/** Result of {@link minimizeBfgs}. */
export interface BfgsResult {
  /** The best point found. */
  readonly x: Float64Array;
  /** The objective at `x`. */
  readonly value: number;
  /** The gradient at `x`. */
  readonly gradient: Float64Array;
  /** Completed BFGS iterations. */
  readonly iterations: number;
  /** Objective evaluations (with gradient). */
  readonly evaluations: number;
  /** Whether a convergence test (gradient, value or step) was met. */
  readonly converged: boolean;
  /** Which test stopped the run. */
  readonly reason: 'gradient' | 'value' | 'step' | 'maxIterations' | 'lineSearch' | 'nonFinite';
  /** The final inverse-Hessian approximation (n×n, row-major). */
  readonly inverseHessian: Float64Array;
}

/**
 * Wraps a value-only function with central-difference gradients (relative step ε^(1/3)).
 * @example
 * ```ts
 * import { withNumericalGradient } from './optimize.ts';
 *
 * // f = x² + 3xy + 2y² has ∇f(1, 2) = (2 + 6, 3 + 8) = (8, 11)
 * const f = withNumericalGradient(([a = 0, b = 0]) => a * a + 3 * a * b + 2 * b * b);
 * const gradient = new Float64Array(2);
 * f(Float64Array.of(1, 2), gradient); // => 15
 * gradient; // => [8.000000, 11.000000]
 * ```
 */
export function withNumericalGradient(f: (x: Float64Array) => number, relativeStep = 6e-6): ObjectiveFunction {
  return (x, gradient) => {
    const fx = f(x);
    if (gradient) {
      const y = Float64Array.from(x);
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] as number;
        const h = relativeStep * Math.max(1, Math.abs(xi));
        y[i] = xi + h;
        const up = f(y);
        y[i] = xi - h;
        const down = f(y);
        y[i] = xi;
        gradient[i] = (up - down) / (2 * h);
      }
    }
    return fx;
  };
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Minimises `f` from `x0` by BFGS. The inverse-Hessian approximation starts as a scaled identity and
 * skips updates that would break positive definiteness (yᵀs ≤ 0).
 * @example
 * ```ts
 * import { minimizeBfgs, withNumericalGradient } from './optimize.ts';
 *
 * // Rosenbrock's function from the classic start (−1.2, 1): the minimum is 0 at (1, 1)
 * const rosenbrock = (x: Float64Array, g?: Float64Array) => {
 *   const [a = 0, b = 0] = x;
 *   if (g) g.set([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)]);
 *   return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 * };
 * minimizeBfgs(rosenbrock, [-1.2, 1]); // => { x: [1.000000, 1.000000], value: 0.0000000000, converged: true }
 * // a value-only quadratic with its minimum 5 at (3, −1)
 * minimizeBfgs(withNumericalGradient(([a = 0, b = 0]) => (a - 3) ** 2 + 2 * (b + 1) ** 2 + 5), [0, 0]); // => { x: [3.00000, -1.00000], value: 5.0000000, converged: true }
 * ```
 */
export function minimizeBfgs(f: ObjectiveFunction, x0: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const gtol = options.gradientTolerance ?? 1e-8;
  const ftol = options.valueTolerance ?? 1e-13;
  const xtol = options.stepTolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 1000;
  const c1 = options.armijo ?? 1e-4;
  const c2 = options.curvature ?? 0.9;
  const maxStep = options.maxStep ?? 5;
  const lower = options.lower ?? -Infinity;
  const upper = options.upper ?? Infinity;
  const n = x0.length;
  let evaluations = 0;
  // Coordinates held at a bound by the gradient: 1 when x ≤ lower and ∂f > 0 or x ≥ upper and ∂f < 0.
  const held = new Uint8Array(n);
  const project = (v: Float64Array): Float64Array => {
    for (let i = 0; i < n; i++) v[i] = Math.min(upper, Math.max(lower, v[i] as number));
    return v;
  };
  /** Marks the held coordinates and returns max |projected gradient|. */
  const projectedNorm = (xv: Float64Array, gv: Float64Array): number => {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const gi = gv[i] as number;
      const xi = xv[i] as number;
      const h = (xi <= lower && gi > 0) || (xi >= upper && gi < 0);
      held[i] = h ? 1 : 0;
      if (!h) m = Math.max(m, Math.abs(gi));
    }
    return m;
  };
  const evaluate = (x: Float64Array, g: Float64Array): number => {
    evaluations++;
    const v = f(x, g);
    if (!Number.isFinite(v)) return Infinity;
    for (let i = 0; i < n; i++) if (!Number.isFinite(g[i] as number)) return Infinity;
    return v;
  };

  let x: Float64Array = project(Float64Array.from(x0));
  let g: Float64Array = new Float64Array(n);
  let fx = evaluate(x, g);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const H0 = options.initialInverseHessian;
  const given = H0 !== undefined && H0.length === n * n && H0.every(Number.isFinite);
  if (given) H.set(H0);
  if (!Number.isFinite(fx)) {
    return {
      x,
      value: fx,
      gradient: g,
      iterations: 0,
      evaluations,
      converged: false,
      reason: 'nonFinite',
      inverseHessian: H,
    };
  }
  // a given inverse Hessian is not rescaled
  let scaled = given;
  const p = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let reason: BfgsResult['reason'] = 'maxIterations';
  let converged = false;

  if (projectedNorm(x, g) <= gtol) {
    return {
      x,
      value: fx,
      gradient: g,
      iterations: 0,
      evaluations,
      converged: true,
      reason: 'gradient',
      inverseHessian: H,
    };
  }

  while (iterations < maxIterations) {
    // p = −H·g
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += (H[i * n + j] as number) * (g[j] as number);
      p[i] = held[i] ? 0 : -acc;
    }
    let slope = dot(p, g);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        p[i] = held[i] ? 0 : -(g[i] as number);
      }
      slope = dot(p, g);
    }
    const pNorm = maxAbs(p);
    const alpha0 = pNorm > maxStep ? maxStep / pNorm : 1;
    const ls = lineSearch(evaluate, x, fx, g, p, slope, alpha0, c1, c2, project);
    if (!ls) {
      // No step lowers f by a representable amount. When even the predicted decrease −slope is below the
      // rounding of f, x is a minimiser to working precision (the gradient test can miss it when f carries
      // rounding noise, e.g. −ℓ/W); otherwise the search genuinely failed.
      if (-slope <= 8 * Number.EPSILON * Math.max(1, Math.abs(fx))) {
        converged = true;
        reason = 'value';
      } else {
        reason = 'lineSearch';
      }
      break;
    }
    iterations++;
    for (let i = 0; i < n; i++) {
      s[i] = (ls.x[i] as number) - (x[i] as number);
      y[i] = (ls.g[i] as number) - (g[i] as number);
    }
    const fPrev = fx;
    x = ls.x;
    g = ls.g;
    fx = ls.f;
    if (projectedNorm(x, g) <= gtol) {
      converged = true;
      reason = 'gradient';
      break;
    }
    if (Math.abs(fPrev - fx) <= ftol * Math.max(1, Math.abs(fx))) {
      converged = true;
      reason = 'value';
      break;
    }
    if (maxAbs(s) <= xtol) {
      converged = true;
      reason = 'step';
      break;
    }
    const ys = dot(y, s);
    if (ys > 1e-300) {
      if (!scaled) {
        // Shanno–Phua scaling of the initial inverse Hessian (Nocedal & Wright eq. 6.20).
        const scale = ys / dot(y, y);
        for (let i = 0; i < n * n; i++) H[i] = (H[i] as number) * scale;
        scaled = true;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / ys;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = acc;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * sj + si * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * si * sj;
        }
      }
    }
  }
  return { x, value: fx, gradient: g, iterations, evaluations, converged, reason, inverseHessian: H };
}

interface LineSearchPoint {
  readonly x: Float64Array;
  readonly g: Float64Array;
  readonly f: number;
}

/** Strong-Wolfe line search with bracketing and cubic/bisection zoom (Nocedal & Wright Alg. 3.5/3.6). */
function lineSearch(
  evaluate: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  f0: number,
  _g0: Float64Array,
  p: Float64Array,
  slope0: number,
  alpha0: number,
  c1: number,
  c2: number,
  project: (v: Float64Array) => Float64Array,
): LineSearchPoint | null {
  const n = x.length;
  const at = (alpha: number): { x: Float64Array; g: Float64Array; f: number; slope: number } => {
    const xn = new Float64Array(n);
    for (let i = 0; i < n; i++) xn[i] = (x[i] as number) + alpha * (p[i] as number);
    project(xn);
    const gn = new Float64Array(n);
    const fn = evaluate(xn, gn);
    return { x: xn, g: gn, f: fn, slope: Number.isFinite(fn) ? dot(gn, p) : Number.NaN };
  };
  let alphaPrev = 0;
  let fPrev = f0;
  let slopePrev = slope0;
  let alpha = alpha0;
  let best: LineSearchPoint | null = null;
  for (let i = 0; i < 40; i++) {
    const trial = at(alpha);
    if (!Number.isFinite(trial.f)) {
      // Overflow at the trial point: shrink towards the last good point.
      alpha = alphaPrev + (alpha - alphaPrev) * 0.1;
      continue;
    }
    if (trial.f < f0 && (!best || trial.f < best.f)) best = trial;
    if (trial.f > f0 + c1 * alpha * slope0 || (i > 0 && trial.f >= fPrev)) {
      return zoom(at, f0, slope0, alphaPrev, fPrev, slopePrev, alpha, trial.f, c1, c2) ?? best;
    }
    if (Math.abs(trial.slope) <= -c2 * slope0) return trial;
    if (trial.slope >= 0) {
      return zoom(at, f0, slope0, alpha, trial.f, trial.slope, alphaPrev, fPrev, c1, c2) ?? best;
    }
    alphaPrev = alpha;
    fPrev = trial.f;
    slopePrev = trial.slope;
    alpha *= 2;
  }
  return best;
}

function zoom(
  at: (alpha: number) => { x: Float64Array; g: Float64Array; f: number; slope: number },
  f0: number,
  slope0: number,
  lo: number,
  fLo: number,
  slopeLo: number,
  hi: number,
  fHi: number,
  c1: number,
  c2: number,
): LineSearchPoint | null {
  let best: LineSearchPoint | null = null;
  for (let i = 0; i < 60; i++) {
    // Quadratic interpolation from (lo, fLo, slopeLo) and (hi, fHi), safeguarded into the interval.
    const d = hi - lo;
    let alpha = lo - (slopeLo * d * d) / (2 * (fHi - fLo - slopeLo * d));
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    if (!Number.isFinite(alpha) || alpha <= a + 0.1 * (b - a) || alpha >= b - 0.1 * (b - a)) alpha = (lo + hi) / 2;
    const trial = at(alpha);
    if (Number.isFinite(trial.f) && trial.f < f0 && (!best || trial.f < best.f)) best = trial;
    if (!Number.isFinite(trial.f) || trial.f > f0 + c1 * alpha * slope0 || trial.f >= fLo) {
      hi = alpha;
      fHi = Number.isFinite(trial.f) ? trial.f : Infinity;
      if (fHi === Infinity) fHi = fLo + Math.abs(fLo) + 1;
    } else {
      if (Math.abs(trial.slope) <= -c2 * slope0) return trial;
      if (trial.slope * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
      }
      lo = alpha;
      fLo = trial.f;
      slopeLo = trial.slope;
    }
    if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
  }
  return best;
}
