/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1, evaluated in
 * log space so that the huge values met by heavy buyers (a ≈ frequency in the thousands) neither
 * overflow nor lose their sign.
 *
 * Naive summation of the defining series fails in two known ways: it overflows when a or b is large,
 * and it converges slowly (or cancels catastrophically) as z approaches 1 or for negative z. Here:
 * - terms are accumulated with a running power-of-ten rescaling, so only the final logarithm is formed;
 * - z < 0 uses Pfaff's transformation to z/(z − 1) ∈ (0, 1) (DLMF 15.8.1), choosing the variant whose
 *   terms keep one sign;
 * - 0 < z < 1 sums whichever of the direct series and Euler's transformation
 *   (1 − z)^(c−a−b)·₂F₁(c − a, c − b; c; z) (DLMF 15.8.1) has terms of one sign (no cancellation) and
 *   the fewer terms, when that count is affordable;
 * - otherwise, above `nearOneThreshold` (default 0.9), the 1 − z connection formula (DLMF 15.8.4)
 *   unless c − a − b is within `integerGap` of an integer, where that formula degenerates; then the
 *   cheaper series (with its term cap).
 *
 * Accuracy (checked against mpmath in the tests): about 1e-13 relative in the logarithm for z in
 * [0, 1) and the parameter ranges of the BG/NBD family. Known limitation: for z < 0 with c below both
 * a and b every representation alternates in sign and the value is a tiny remainder of huge terms, so
 * digits are lost; no model in this library evaluates ₂F₁ there.
 * @internal
 * @module
 */
import { gammaSign, logGamma } from './special.ts';

/** A real number stored as sign · exp(log). `sign` is 0 for zero, NaN when undefined. */
export interface SignedLog {
  readonly log: number;
  readonly sign: number;
}

/** Tolerances of {@link logHyp2f1}, each named for what it controls. */
export interface Hyp2f1Options {
  /** Relative size of the last term at which a series stops (default 1e-16). */
  readonly seriesTolerance?: number;
  /** Hard cap on series terms, so no input can hang (default 200,000). */
  readonly maxTerms?: number;
  /** z above which the 1 − z connection formula is used (default 0.9). */
  readonly nearOneThreshold?: number;
  /** Distance of c − a − b from an integer below which the connection formula is avoided (default 1e-6). */
  readonly integerGap?: number;
}

// Pure annotation: lets bundlers drop this module-level call when nothing uses it (tree shaking).
const LOG_RESCALE = /* @__PURE__ */ Math.log(1e280);

/** The raw series Σ (a)ₖ(b)ₖ/((c)ₖ k!)·zᵏ as a signed logarithm, with rescaling against overflow. */
function series(a: number, b: number, c: number, z: number, tolerance: number, maxTerms: number): SignedLog {
  let scale = 0; // log of the factor divided out of sum and term so far
  let sum = 1;
  let term = 1;
  for (let k = 0; k < maxTerms; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    if (term === 0) break; // a or b a non-positive integer: a polynomial
    sum += term;
    if (Math.abs(sum) > 1e280 || Math.abs(term) > 1e280) {
      sum /= 1e280;
      term /= 1e280;
      scale += LOG_RESCALE;
    }
    const r = Math.max(Math.abs(ratio), Math.abs(z));
    if (r < 1 && k > 2 && Math.abs(term) * (1 / (1 - r)) <= tolerance * Math.abs(sum)) break;
    if (!Number.isFinite(term)) break;
  }
  if (!Number.isFinite(sum)) return { log: Number.NaN, sign: Number.NaN };
  if (sum === 0) return { log: -Infinity, sign: 0 };
  return { log: scale + Math.log(Math.abs(sum)), sign: Math.sign(sum) };
}

/** Adds two signed logarithms. */
function addSigned(x: SignedLog, y: SignedLog): SignedLog {
  if (x.sign === 0) return y;
  if (y.sign === 0) return x;
  const [big, small] = x.log >= y.log ? [x, y] : [y, x];
  const d = Math.exp(small.log - big.log) * small.sign * big.sign;
  const m = 1 + d;
  if (m === 0) return { log: -Infinity, sign: 0 };
  return { log: big.log + Math.log(Math.abs(m)), sign: big.sign * Math.sign(m) };
}

/** ln|1/Γ(x)| and its sign, with 1/Γ = 0 at the poles. */
function logReciprocalGamma(x: number): SignedLog {
  if (x <= 0 && Number.isInteger(x)) return { log: -Infinity, sign: 0 };
  return { log: -logGamma(x), sign: gammaSign(x) };
}

/**
 * Heuristic cost of summing ₂F₁(a, b; c; z) for 0 ≤ z < 1: larger parameters need more terms, and a
 * negative parameter makes the leading terms alternate in sign (cancellation), so it is penalised.
 */
function seriesCost(a: number, b: number): number {
  return Math.abs(a) + Math.abs(b) + 10 * (Math.max(0, -a) + Math.max(0, -b));
}

/**
 * True when the terms k ≥ 1 of (a)ₖ(b)ₖ/((c)ₖ k!)·zᵏ (c > 0, 0 < z < 1) all share one sign, so their sum
 * cannot cancel: for x > −1 the Pochhammer symbol (x)ₖ = x(x + 1)…(x + k − 1) has the sign of x for
 * every k ≥ 1.
 */
function oneSigned(a: number, b: number): boolean {
  return a > -1 && b > -1;
}

/**
 * Rough number of terms the series needs at 0 < z < 1: the terms grow until k·(1 − z) ≈ z·(a + b)
 * (their peak), then shrink geometrically by z, and 37/−ln z more terms reach 1e-16 of the peak.
 */
function termsNeeded(a: number, b: number, z: number): number {
  if (z <= 0) return 1;
  const peak = (z * (Math.abs(a) + Math.abs(b))) / (1 - z);
  return peak + 37 / -Math.log(z);
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/**
 * ln|₂F₁(a, b; c; z)| with its sign, for real a, b, c (c not a non-positive integer) and z < 1.
 * Returns `{ log: NaN, sign: NaN }` outside that domain.
 * @example
 * ```ts
 * import { logHyp2f1 } from './hypergeometric.ts';
 *
 * // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z, so at z = −1 it is ln 2
 * logHyp2f1(1, 1, 2, -1); // => { log: -0.36651292058166, sign: 1 }
 * // ₂F₁(−1, b; c; z) = 1 − b·z/c: 1 − 3·0.5 = −0.5
 * logHyp2f1(-1, 3, 1, 0.5); // => { log: -0.69314718055995, sign: -1 }
 * logHyp2f1(1, 1, 2, 1); // => { log: NaN, sign: NaN }
 * ```
 */
export function logHyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): SignedLog {
  const tolerance = options.seriesTolerance ?? 1e-16;
  const maxTerms = options.maxTerms ?? 200_000;
  const nearOne = options.nearOneThreshold ?? 0.9;
  const integerGap = options.integerGap ?? 1e-6;
  if (![a, b, c, z].every(Number.isFinite) || !(z < 1) || isNonPositiveInteger(c))
    return { log: Number.NaN, sign: Number.NaN };
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 };
  if (z < 0) {
    // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a)·₂F₁(a, c − b; c; z/(z − 1)), or the same with a and b swapped.
    // Prefer the variant whose terms keep one sign (no cancellation), then the cheaper one.
    const w = z / (z - 1);
    const log1mz = Math.log1p(-z);
    const safeA = oneSigned(a, c - b);
    const safeB = oneSigned(c - a, b);
    const useA = safeA !== safeB ? safeA : seriesCost(a, c - b) <= seriesCost(c - a, b);
    const inner = useA ? logHyp2f1(a, c - b, c, w, options) : logHyp2f1(c - a, b, c, w, options);
    return { log: inner.log - (useA ? a : b) * log1mz, sign: inner.sign };
  }
  const s = c - a - b;
  // For 0 < z < 1 the direct series and Euler's transformation (1 − z)^(c−a−b)·₂F₁(c − a, c − b; c; z)
  // are both exact; a series whose terms keep one sign loses nothing to cancellation, so it is preferred
  // whenever its term count is affordable. The 1 − z connection formula (DLMF 15.8.4) adds two terms
  // that may cancel, so it is the fallback near z = 1 only.
  const directSafe = oneSigned(a, b) && c > 0;
  const eulerSafe = oneSigned(c - a, c - b) && c > 0 && !isNonPositiveInteger(a) && !isNonPositiveInteger(b);
  const directTerms = termsNeeded(a, b, z);
  const eulerTerms = termsNeeded(c - a, c - b, z);
  const budget = maxTerms / 4;
  const useDirect = directSafe && directTerms <= budget && (!eulerSafe || directTerms <= eulerTerms);
  const useEuler = !useDirect && eulerSafe && eulerTerms <= budget;
  if (useDirect) return series(a, b, c, z, tolerance, maxTerms);
  if (useEuler) {
    const inner = series(c - a, c - b, c, z, tolerance, maxTerms);
    return { log: inner.log + s * Math.log1p(-z), sign: inner.sign };
  }
  if (z > nearOne && Math.abs(s - Math.round(s)) > integerGap) {
    // DLMF 15.8.4: the 1 − z connection formula, both series at 1 − z < 0.1.
    const y = 1 - z;
    const logY = Math.log(y);
    const lgc = logGamma(c);
    const g1 = logReciprocalGamma(c - a);
    const g2 = logReciprocalGamma(c - b);
    const f1 = series(a, b, 1 - s, y, tolerance, maxTerms);
    const t1: SignedLog =
      g1.sign === 0 || g2.sign === 0 || f1.sign === 0
        ? { log: -Infinity, sign: 0 }
        : {
            log: lgc + logGamma(s) + g1.log + g2.log + f1.log,
            sign: gammaSign(c) * gammaSign(s) * g1.sign * g2.sign * f1.sign,
          };
    const h1 = logReciprocalGamma(a);
    const h2 = logReciprocalGamma(b);
    const f2 = series(c - a, c - b, s + 1, y, tolerance, maxTerms);
    const t2: SignedLog =
      h1.sign === 0 || h2.sign === 0 || f2.sign === 0
        ? { log: -Infinity, sign: 0 }
        : {
            log: s * logY + lgc + logGamma(-s) + h1.log + h2.log + f2.log,
            sign: gammaSign(c) * gammaSign(-s) * h1.sign * h2.sign * f2.sign,
          };
    const total = addSigned(t1, t2);
    if (Number.isFinite(total.log) || total.sign === 0) return total;
  }
  // Euler's transformation when it makes the series parameters smaller (e.g. a, b, c all ≈ x large).
  if (seriesCost(c - a, c - b) < seriesCost(a, b) && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
    const inner = series(c - a, c - b, c, z, tolerance, maxTerms);
    return { log: inner.log + s * Math.log1p(-z), sign: inner.sign };
  }
  return series(a, b, c, z, tolerance, maxTerms);
}

/**
 * ₂F₁(a, b; c; z) as a plain number (may overflow to ±Infinity where {@link logHyp2f1} would not).
 * @example
 * ```ts
 * import { hyp2f1 } from './hypergeometric.ts';
 *
 * // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z; ₂F₁(a, b; b; z) = (1 − z)^(−a)
 * hyp2f1(1, 1, 2, 0.5); // => 1.3862943611199
 * hyp2f1(2, 3, 3, 0.5); // => 4
 * // far outside the unit disc, through the transformations: −ln(1 + 99)/(−99)
 * hyp2f1(1, 1, 2, -99); // => 0.04651687056554
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
  const r = logHyp2f1(a, b, c, z, options);
  if (r.sign === 0) return 0;
  return r.sign * Math.exp(r.log);
}
