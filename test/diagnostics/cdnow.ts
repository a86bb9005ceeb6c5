import { calibrationHoldoutSplit, type CalibrationHoldoutRow } from '../../src/index.ts';
import { cdnowTransactions } from '../rfm/cdnow.ts';

// The CDNOW sample as in the BTYD walkthrough (McCarthy & Wadsworth, "Buy 'Til You Die - A Walkthrough",
// BTYD 2.4.2/2.4.3 vignette): purchases merged per day, calibration to 1997-09-30 (39 weeks), holdout to
// 1998-06-30 (39 weeks), time in weeks.

/** The walkthrough's parameters: BG/NBD printed to 7 digits (p.matrix row 3), Pareto/NBD to 3 decimals. */
export const BTYD_BG_NBD = {
  model: 'bgNbd',
  params: { r: 0.2425967, alpha: 4.413659, a: 0.7929869, b: 2.426164 },
} as const;
export const BTYD_PARETO_NBD = {
  model: 'paretoNbd',
  params: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 },
} as const;

/**
 * The walkthrough's Pareto/NBD parameters to more digits, recovered from the seven values it prints to 7
 * significant digits (§3.3: E[X(52)] = 1.473434; customer 1516's conditional expectation 25.45647 and P(alive)
 * 0.997874; the "increasing frequency paradox" 0.7062289, 0.1442396, 0.02250658, 0.00309267) by least squares
 * in Python (scipy 1.17 on mpmath 1.3 formulas; relative residuals ≤ 1.3e-7). They round to the printed
 * 0.553, 10.58, 0.606, 11.658.
 */
export const BTYD_PARETO_NBD_RECOVERED = {
  model: 'paretoNbd',
  params: { r: 0.5533708377211595, alpha: 10.579518859024938, s: 0.6059072534293289, beta: 11.658110181729757 },
} as const;

let cached: CalibrationHoldoutRow[] | undefined;

/** Calibration/holdout split of CDNOW_sample.txt (2,357 customers). */
export function cdnowSplit(): CalibrationHoldoutRow[] {
  if (cached === undefined) {
    const t = cdnowTransactions();
    cached = calibrationHoldoutSplit(
      { customer: t.map((r) => r.customer), time: t.map((r) => r.date), value: t.map((r) => r.value) },
      { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' },
    );
  }
  return cached;
}

/** The same log as columns (customer, ISO date). */
export function cdnowLog(): { customer: number[]; time: string[] } {
  const t = cdnowTransactions();
  return { customer: t.map((r) => r.customer), time: t.map((r) => r.date) };
}
