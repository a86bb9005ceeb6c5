/**
 * The series of the Pareto/NBD likelihood and predictions: F(B, C; z) = ₂F₁(1, B; C; z) with its
 * derivatives in B, C and z (power series for z ≤ 0.9, Gauss's continued fraction above), and the
 * per-frequency coefficient tables the fit's likelihood sums it from. See paretoNbdKernel.ts for where
 * F comes from. Not public API.
 * @internal
 * @module
 */

/** Relative size of the last term at which the F(B, C; z) series stops. */
const SERIES_TOLERANCE = 1e-17;
/** Above this z the series is slow (hundreds of terms); Gauss's continued fraction takes over. */
const SERIES_MAX_Z = 0.9;
/** Hard cap of the series loop (z ≤ 0.9 needs at most ~450 terms). */
const SERIES_MAX_TERMS = 2_000;
/** Convergence tolerance of the continued fraction (relative change of the last convergent). */
const FRACTION_TOLERANCE = 1e-16;
/**
 * Iteration cap of the continued fraction: reached only within ~1e-9 of z = 1 (α/β or β/α beyond
 * ~10⁹); bounds the cost of any input.
 */
const FRACTION_MAX_TERMS = 200_000;
/** Relative steps of the central differences for ∂F/∂B, ∂F/∂C (times max(1, ·)) and ∂F/∂z (times 1 − z). */
const DIFFERENCE_STEP = 1e-6;

/**
 * F(B, C; z) = ₂F₁(1, B; C; z) by Gauss's continued fraction for ₂F₁(a + 1, b; c + 1; z)/₂F₁(a, b; c; z)
 * at a = 0, b = B, c = C − 1 (DLMF §15.7), evaluated by the modified Lentz method. Near z = 1 it needs
 * far fewer terms than the power series.
 */
function fractionF(B: number, C: number, z: number): number {
  const c = C - 1;
  const tiny = 1e-300;
  let f = 1;
  let Cl = f;
  let Dl = 0;
  for (let n = 1; n <= FRACTION_MAX_TERMS; n++) {
    const m = n >> 1;
    const k =
      n % 2 === 1
        ? (-(c + m) * (B + m)) / ((c + 2 * m) * (c + 2 * m + 1))
        : (m * (B - c - m)) / ((c + 2 * m - 1) * (c + 2 * m));
    const an = k * z;
    Dl = 1 + an * Dl;
    if (Dl === 0) Dl = tiny;
    Cl = 1 + an / Cl;
    if (Cl === 0) Cl = tiny;
    Dl = 1 / Dl;
    const delta = Cl * Dl;
    f *= delta;
    if (Math.abs(delta - 1) <= FRACTION_TOLERANCE) break;
  }
  return 1 / f;
}

/**
 * F(B, C; z) = ₂F₁(1, B; C; z) = Σⱼ (B)ⱼ/(C)ⱼ zʲ for 0 ≤ z < 1 and 0 < B < C, written into out[0];
 * with `derivatives`, also ∂F/∂B, ∂F/∂C, ∂F/∂z into out[1..3]. The term ratio (B + j)/(C + j)·z stays
 * below z, so for z ≤ 0.9 the series converges geometrically for any B (any frequency) and its
 * derivatives are summed alongside; above, the continued fraction gives F and central differences
 * of it the derivatives.
 * @example
 * ```ts
 * import { seriesF } from './paretoNbdSeries.ts';
 *
 * // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z: 2 ln 2 at z = ½
 * const out = new Float64Array(4);
 * seriesF(1, 2, 0.5, out, false);
 * Math.abs((out[0] as number) - 2 * Math.LN2) < 1e-15; // => true
 * ```
 */
export function seriesF(B: number, C: number, z: number, out: Float64Array, derivatives: boolean): void {
  if (z > SERIES_MAX_Z) {
    const F = fractionF(B, C, z);
    out[0] = F;
    if (derivatives) {
      const hB = DIFFERENCE_STEP * Math.max(1, B);
      const hC = DIFFERENCE_STEP * Math.max(1, C);
      const hz = DIFFERENCE_STEP * (1 - z);
      out[1] = (fractionF(B + hB, C, z) - fractionF(B - hB, C, z)) / (2 * hB);
      out[2] = (fractionF(B, C + hC, z) - fractionF(B, C - hC, z)) / (2 * hC);
      out[3] = (fractionF(B, C, z + hz) - fractionF(B, C, z - hz)) / (2 * hz);
    }
    return;
  }
  let F = 1;
  let FB = 0;
  let FC = 0;
  let Fz = 0;
  let q = B / C; // t_j / z for j = 1
  let hB = 0; // Σ_{i<j} 1/(B + i)
  let hC = 0; // Σ_{i<j} 1/(C + i)
  const tailFactor = 1 / ((1 - z) * (1 - z));
  for (let j = 1; j <= SERIES_MAX_TERMS; j++) {
    const t = q * z;
    F += t;
    if (derivatives) {
      hB += 1 / (B + j - 1);
      hC += 1 / (C + j - 1);
      FB += t * hB;
      FC -= t * hC;
      Fz += j * q;
    }
    // z ≤ 0.9: the terms fall below 1e-17 of F within ~450 steps (the cap only guards against NaN).
    if (t === 0 || (j + 1) * t * tailFactor <= SERIES_TOLERANCE * F) break;
    q = t * ((B + j) / (C + j));
  }
  out[0] = F;
  out[1] = FB;
  out[2] = FC;
  out[3] = Fz;
}

/** Terms of the per-x series tables of the likelihood (z up to about 0.5 converges within them). */
export const TABLE_TERMS = 64;

/**
 * Fills the table of F(B, C; ·) at offset `base`: (B)ⱼ/(C)ⱼ for j = 1 … TABLE_TERMS and, with
 * `derivatives`, the harmonic sums Σ_{i<j} 1/(B + i) and Σ_{i<j} 1/(C + i) of ∂/∂B and ∂/∂C.
 * @example
 * ```ts
 * import { seriesTable, TABLE_TERMS } from './paretoNbdSeries.ts';
 *
 * // (1)ⱼ/(2)ⱼ = 1/(j + 1), and the harmonic sums 1, 1 + 1/2, 1 + 1/2 + 1/3 for B = 1
 * const [coef, harmB, harmC] = [0, 1, 2].map(() => new Float64Array(TABLE_TERMS));
 * seriesTable(1, 2, 0, coef, harmB, harmC, true);
 * Array.from(coef.subarray(0, 3)); // => [0.5, 0.3333333333333333, 0.25]
 * Array.from(harmB.subarray(0, 3)); // => [1, 1.5, 1.8333333333333333]
 * ```
 */
export function seriesTable(
  B: number,
  C: number,
  base: number,
  coef: Float64Array,
  harmB: Float64Array,
  harmC: Float64Array,
  derivatives: boolean,
): void {
  let q = B / C;
  let hB = 0;
  let hC = 0;
  for (let j = 1; j <= TABLE_TERMS; j++) {
    coef[base + j - 1] = q;
    if (derivatives) {
      hB += 1 / (B + j - 1);
      hC += 1 / (C + j - 1);
      harmB[base + j - 1] = hB;
      harmC[base + j - 1] = hC;
    }
    q *= (B + j) / (C + j);
  }
}

/**
 * {@link seriesF} from the per-x table of group `group` (the same terms and stopping rule, summed by
 * multiplications only); falls back to seriesF when the table is too short for z.
 * @example
 * ```ts
 * import { seriesF, seriesTable, tableSeries, TABLE_TERMS } from './paretoNbdSeries.ts';
 *
 * const [coef, harmB, harmC] = [0, 1, 2].map(() => new Float64Array(TABLE_TERMS));
 * seriesTable(1, 2, 0, coef, harmB, harmC, true);
 * const [fromTable, direct] = [new Float64Array(4), new Float64Array(4)];
 * tableSeries(1, 2, 0.5, fromTable, true, 0, coef, harmB, harmC);
 * seriesF(1, 2, 0.5, direct, true);
 * Array.from(fromTable).every((v, k) => v === direct[k]); // => true
 * ```
 */
export function tableSeries(
  B: number,
  C: number,
  z: number,
  out: Float64Array,
  derivatives: boolean,
  group: number,
  coef: Float64Array,
  harmB: Float64Array,
  harmC: Float64Array,
): void {
  if (z <= SERIES_MAX_Z) {
    const base = group * TABLE_TERMS;
    const tailFactor = 1 / ((1 - z) * (1 - z));
    let F = 1;
    let FB = 0;
    let FC = 0;
    let Fz = 0;
    let zj1 = 1; // z^(j−1)
    for (let j = 1; j <= TABLE_TERMS; j++) {
      const q = (coef[base + j - 1] as number) * zj1;
      const t = q * z;
      F += t;
      if (derivatives) {
        FB += t * (harmB[base + j - 1] as number);
        FC -= t * (harmC[base + j - 1] as number);
        Fz += j * q;
      }
      if (t === 0 || (j + 1) * t * tailFactor <= SERIES_TOLERANCE * F) {
        out[0] = F;
        out[1] = FB;
        out[2] = FC;
        out[3] = Fz;
        return;
      }
      zj1 *= z;
    }
  }
  seriesF(B, C, z, out, derivatives);
}
