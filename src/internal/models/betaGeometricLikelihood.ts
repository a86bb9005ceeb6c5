/**
 * The weighted log-likelihood of BG/NBD and MBG/NBD in one loop: the two models differ only in whether a
 * customer may drop out right at the first purchase (MBG/NBD: one more dropout occasion, x + 1 instead of
 * x, so also customers without repeat purchases carry the dropout term). Not public API.
 * @internal
 * @module
 */
import { distinctValues } from '../compressPatterns.ts';
import { digammaDifference, logBetaRatio, logGammaDifference } from '../special.ts';

/**
 * ℓ(ln r, ln α, ln a, ln b) and its analytic gradient over weighted rows, with `shift` 0 for BG/NBD and 1
 * for MBG/NBD (dropout occasions x + shift):
 *
 * ```text
 * ℓ = ln Γ(r + x) − ln Γ(r) + ln B(a, b + x + shift) − ln B(a, b) − r·ln(1 + T/α) − x·ln(α + T) + softplus(δ)
 * δ = ln a − ln(b + x − 1 + shift) + (r + x)·ln(1 + (T − tₓ)/(α + tₓ))     (BG/NBD: no δ term for x = 0)
 * ```
 *
 * Work is shared wherever the data allow: gamma and digamma terms once per distinct frequency,
 * ln(α + T), ln(1 + T/α) and 1/(α + tₓ) once per distinct value, and rows without repeat purchases
 * (whose likelihood depends on T only) aggregated per distinct T. A row with x > 0 then costs one exp
 * and two log1p per evaluation, and no evaluation allocates. Every difference of large terms is formed
 * directly (ln(1 + T/α), `logBetaRatio`, `digammaDifference`), so ℓ stays accurate for parameters up to
 * 1e15, and the total is summed with Neumaier compensation.
 * @example
 * ```ts
 * import { betaGeometricLogLikelihood } from './betaGeometricLikelihood.ts';
 *
 * // MBG/NBD at r = α = a = b = 1, one customer with no purchase in (0, 1]: ln[B(1, 2)/B(1, 1)·(½ + 1)] = ln 0.75
 * const ll = betaGeometricLogLikelihood(Float64Array.of(0), Float64Array.of(0), Float64Array.of(1), Float64Array.of(1), 1);
 * ll(Float64Array.of(0, 0, 0, 0)); // => -0.28768207245178
 * // BG/NBD: a customer without repeat purchases is alive for sure: ln (α/(α + T))^r = ln ½
 * betaGeometricLogLikelihood(Float64Array.of(0), Float64Array.of(0), Float64Array.of(1), Float64Array.of(1), 0)(Float64Array.of(0, 0, 0, 0)); // => -0.69314718055995
 * ```
 */
export function betaGeometricLogLikelihood(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
  shift: 0 | 1,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  const n = frequency.length;
  const zero = new Uint8Array(n);
  const repeat = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!((weights[i] as number) > 0)) continue;
    if ((frequency[i] as number) > 0) {
      repeat[i] = 1;
      m++;
    } else zero[i] = 1;
  }
  // T of rows without repeat purchases (which need ln(1 + T/α) alone) and of the others, tabulated apart
  const byT0 = distinctValues(T, zero);
  const byT = distinctValues(T, repeat);
  const byTx = distinctValues(recency, repeat);
  const byX = distinctValues(frequency, repeat);
  const xs = byX.distinct;
  const Ts = byT.distinct;
  const txs = byTx.distinct;
  const nx = xs.length;
  const nT = Ts.length;
  const nTx = txs.length;
  const T0s = byT0.distinct;
  const nT0 = T0s.length;
  const zeroWeight = new Float64Array(nT0); // Σ w of x = 0 rows per distinct T
  const rowX = new Int32Array(m);
  const rowT = new Int32Array(m);
  const rowTx = new Int32Array(m);
  const rowW = new Float64Array(m);
  const rowGap = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    if (zero[i] === 1) {
      const k0 = byT0.index[i] as number;
      zeroWeight[k0] = (zeroWeight[k0] as number) + (weights[i] as number);
      continue;
    }
    if (repeat[i] === 0) continue;
    const kT = byT.index[i] as number;
    rowX[j] = byX.index[i] as number;
    rowT[j] = kT;
    rowTx[j] = byTx.index[i] as number;
    rowW[j] = weights[i] as number;
    rowGap[j++] = (T[i] as number) - (recency[i] as number);
  }
  const A1 = new Float64Array(nx);
  const dA1r = new Float64Array(nx);
  const dA1a = new Float64Array(nx);
  const dA1b = new Float64Array(nx);
  const lnB1 = new Float64Array(nx); // ln(b + x − 1 + shift)
  const invB1 = new Float64Array(nx);
  const l1pT = new Float64Array(nT); // ln(1 + T/α) = ln(α + T) − ln α without cancellation
  const lT = new Float64Array(nT);
  const iT = new Float64Array(nT);
  const qT = new Float64Array(nT); // T/(α(α + T)) = 1/α − 1/(α + T)
  const it = new Float64Array(nTx);
  const l1pT0 = new Float64Array(nT0);
  const qT0 = new Float64Array(nT0);
  const state: BetaGeometricState = {
    shift,
    xs,
    Ts,
    txs,
    T0s,
    zeroWeight,
    rowX,
    rowT,
    rowTx,
    rowW,
    rowGap,
    A1,
    dA1r,
    dA1a,
    dA1b,
    lnB1,
    invB1,
    l1pT,
    lT,
    iT,
    qT,
    it,
    l1pT0,
    qT0,
  };
  return (logParams, gradient) => evaluate(state, logParams, gradient);
}

/** The data and per-evaluation scratch of {@link betaGeometricLogLikelihood} (one shape for every fit). */
interface BetaGeometricState {
  readonly shift: 0 | 1;
  readonly xs: Float64Array;
  readonly Ts: Float64Array;
  readonly txs: Float64Array;
  readonly T0s: Float64Array;
  readonly zeroWeight: Float64Array;
  readonly rowX: Int32Array;
  readonly rowT: Int32Array;
  readonly rowTx: Int32Array;
  readonly rowW: Float64Array;
  readonly rowGap: Float64Array;
  readonly A1: Float64Array;
  readonly dA1r: Float64Array;
  readonly dA1a: Float64Array;
  readonly dA1b: Float64Array;
  readonly lnB1: Float64Array;
  readonly invB1: Float64Array;
  readonly l1pT: Float64Array;
  readonly lT: Float64Array;
  readonly iT: Float64Array;
  readonly qT: Float64Array;
  readonly it: Float64Array;
  readonly l1pT0: Float64Array;
  readonly qT0: Float64Array;
}

/**
 * One evaluation of {@link betaGeometricLogLikelihood}. A module-level function rather than the returned
 * closure itself: V8 keeps a closure's optimised code only while a closure of it lives, so the code of a
 * per-fit closure is dropped by the next full garbage collection and every later fit would run in the
 * interpreter until it is optimised anew; this function's optimised code stays with it.
 */
function evaluate(s: BetaGeometricState, logParams: Float64Array, gradient?: Float64Array): number {
  const { shift, xs, Ts, txs, T0s, zeroWeight, rowX, rowT, rowTx, rowW, rowGap } = s;
  const { A1, dA1r, dA1a, dA1b, lnB1, invB1, l1pT, lT, iT, qT, it, l1pT0, qT0 } = s;
  const nx = xs.length;
  const nT = Ts.length;
  const nTx = txs.length;
  const nT0 = T0s.length;
  const m = rowW.length;
  const r = Math.exp(logParams[0] as number);
  const alpha = Math.exp(logParams[1] as number);
  const a = Math.exp(logParams[2] as number);
  const b = Math.exp(logParams[3] as number);
  const lnA = logParams[2] as number;
  for (let k = 0; k < nx; k++) {
    const x = xs[k] as number;
    // ln Γ(r + x) − ln Γ(r) + ln B(a, b + x + shift) − ln B(a, b), each difference formed without cancellation
    A1[k] = logGammaDifference(r, x) + logBetaRatio(a, b, 0, x + shift);
    const bx = b + (x - 1 + shift); // x − 1 first: b + x − 1 loses b when b is below 1e-16 relative to x
    lnB1[k] = Math.log(bx);
    invB1[k] = 1 / bx;
    if (gradient) {
      const dab = digammaDifference(a + b, x + shift);
      dA1r[k] = digammaDifference(r, x);
      dA1a[k] = -dab;
      dA1b[k] = digammaDifference(b, x + shift) - dab;
    }
  }
  for (let k = 0; k < nT; k++) {
    const tT = Ts[k] as number;
    const v = alpha + tT;
    l1pT[k] = Math.log1p(tT / alpha);
    lT[k] = Math.log(v);
    iT[k] = 1 / v;
    qT[k] = tT / alpha / v;
  }
  for (let k = 0; k < nTx; k++) it[k] = 1 / (alpha + (txs[k] as number));
  for (let k = 0; k < nT0; k++) {
    const tT = T0s[k] as number;
    l1pT0[k] = Math.log1p(tT / alpha);
    if (gradient) qT0[k] = tT / alpha / (alpha + tT);
  }
  // ℓ summed with Neumaier compensation (sum, carry)
  let ll = 0;
  let carry = 0;
  let gr = 0;
  let gal = 0;
  let ga = 0;
  let gb = 0;
  // Rows without repeat purchases, per distinct T. BG/NBD: ℓ = −r·ln(1 + T/α). MBG/NBD adds the dropout at
  // time 0: ℓ = ln B(a, b + 1)/B(a, b) − r·ln(1 + T/α) + softplus(δ₀), δ₀ = ln a − ln b + r·ln(1 + T/α).
  const A10 = shift === 1 ? logBetaRatio(a, b, 0, 1) : 0;
  const lnb = Math.log(b);
  const dab0 = shift === 1 && gradient ? digammaDifference(a + b, 1) : 0;
  const db0 = shift === 1 && gradient ? digammaDifference(b, 1) - dab0 : 0;
  for (let k = 0; k < nT0; k++) {
    const w = zeroWeight[k] as number;
    if (w === 0) continue;
    const l1p = l1pT0[k] as number;
    let value = -r * l1p;
    let pi = 0;
    if (shift === 1) {
      const d = lnA - lnb + r * l1p;
      const e = Math.exp(-Math.abs(d));
      value += A10 + Math.max(d, 0) + Math.log1p(e);
      pi = d > 0 ? 1 / (1 + e) : e / (1 + e);
    }
    const term = w * value;
    const t = ll + term;
    carry += Math.abs(ll) >= Math.abs(term) ? ll - t + term : term - t + ll;
    ll = t;
    if (gradient) {
      // ∂δ₀/∂r = ln(1 + T/α), ∂δ₀/∂α = −r·T/(α(α + T)), ∂δ₀/∂a = 1/a, ∂δ₀/∂b = −1/b
      gr += w * (pi - 1) * l1p;
      gal += w * r * (qT0[k] as number) * (1 - pi);
      if (shift === 1) {
        ga += w * (-dab0 + pi / a);
        gb += w * (db0 - pi / b);
      }
    }
  }
  // Rows with repeat purchases: ℓ = A1 − r·ln(1 + T/α) − x·ln(α + T) + ln(1 + e^δ)
  for (let j = 0; j < m; j++) {
    const w = rowW[j] as number;
    const k = rowX[j] as number;
    const kT = rowT[j] as number;
    const x = xs[k] as number;
    const rx = r + x;
    const itx = it[rowTx[j] as number] as number;
    const gap = rowGap[j] as number;
    const lg = Math.log1p(gap * itx);
    const d = lnA - (lnB1[k] as number) + rx * lg;
    // ln(1 + e^δ) and the share π = e^δ/(1 + e^δ) of the second term, from one exp
    const e = Math.exp(-Math.abs(d));
    const softplus = Math.max(d, 0) + Math.log1p(e);
    const l1p = l1pT[kT] as number;
    const term = w * ((A1[k] as number) - r * l1p - x * (lT[kT] as number) + softplus);
    const t = ll + term;
    carry += Math.abs(ll) >= Math.abs(term) ? ll - t + term : term - t + ll;
    ll = t;
    if (gradient) {
      const pi = d > 0 ? 1 / (1 + e) : e / (1 + e);
      const iTk = iT[kT] as number;
      gr += w * ((dA1r[k] as number) - l1p + pi * lg);
      // ∂δ/∂α = (r + x)·(1/(α + T) − 1/(α + tₓ)) = −(r + x)·(T − tₓ)/((α + T)(α + tₓ))
      gal += w * (r * (qT[kT] as number) - x * iTk - pi * rx * gap * iTk * itx);
      ga += w * ((dA1a[k] as number) + pi / a);
      gb += w * ((dA1b[k] as number) - pi * (invB1[k] as number));
    }
  }
  if (gradient) {
    gradient[0] = gr * r;
    gradient[1] = gal * alpha;
    gradient[2] = ga * a;
    gradient[3] = gb * b;
  }
  return ll + carry;
}
