/**
 * Shared readers of the model diagnostics (src/diagnostics/): holdout columns beside the calibration
 * RFM summary, and the transaction-model door with its population kernel.
 * @internal
 * @module
 */
import { customerRows, rowNumber } from './input/customerSummary.ts';
import { BG_BB_KERNEL, type DiagnosticTransactionModel } from './models/bgBbDiagnostics.ts';
import { POPULATION_MODELS, type PopulationKernel } from './models/populationModels.ts';
import {
  readLogCovariance,
  resolveTransactionModel,
  TRANSACTION_MODELS,
  type ResolvedTransactionModel,
} from './models/transactionModel.ts';
import { describeValue, rangeFail, requireArrayLike, requireObject, typeFail } from './validate.ts';

/** Holdout fields of a calibration/holdout split, validated. */
export interface HoldoutColumns {
  readonly holdoutFrequency: Float64Array;
  readonly holdoutDuration: Float64Array;
}

const HOLDOUT_FIELDS = ['holdoutFrequency', 'holdoutDuration'] as const;

/**
 * Reads `holdoutFrequency` (a non-negative integer) and `holdoutDuration` (≥ 0, finite) of each row or column.
 * @example
 * ```ts
 * import { readHoldout } from './diagnostics.ts';
 *
 * readHoldout('holdoutComparison', 'split', [{ holdoutFrequency: 2, holdoutDuration: 39 }], 1); // => { holdoutFrequency: [2], holdoutDuration: [39] }
 * readHoldout('holdoutComparison', 'split', { holdoutFrequency: [1.5], holdoutDuration: [39] }, 1); // => throws RangeError: holdoutComparison: row 0: holdoutFrequency (1.5) must be a non-negative integer
 * ```
 */
export function readHoldout(fn: string, name: string, input: unknown, length: number): HoldoutColumns {
  const rows = customerRows(fn, name, input, HOLDOUT_FIELDS, false, (field, col) => {
    if (typeof col !== 'object' || col === null)
      typeFail(fn, `${name}.${field} must be an array of numbers, got ${describeValue(col)}`, {
        argument: `${name}.${field}`,
        value: col,
      });
    return requireArrayLike(fn, `${name}.${field}`, col);
  });
  if (rows.length !== length)
    rangeFail(fn, `${name} has ${rows.length} rows, expected ${length}`, { argument: name, value: rows.length });
  const holdoutFrequency = new Float64Array(length);
  const holdoutDuration = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const x = rowNumber(fn, i, 'holdoutFrequency', rows.get('holdoutFrequency', i), rows.path('holdoutFrequency', i));
    if (x < 0 || !Number.isInteger(x))
      rangeFail(fn, `row ${i}: holdoutFrequency (${describeValue(x)}) must be a non-negative integer`, {
        argument: rows.path('holdoutFrequency', i),
        value: x,
        row: i,
      });
    const d = rowNumber(fn, i, 'holdoutDuration', rows.get('holdoutDuration', i), rows.path('holdoutDuration', i));
    if (d < 0)
      rangeFail(fn, `row ${i}: holdoutDuration (${describeValue(d)}) must not be negative`, {
        argument: rows.path('holdoutDuration', i),
        value: d,
        row: i,
      });
    holdoutFrequency[i] = x;
    holdoutDuration[i] = d;
  }
  return { holdoutFrequency, holdoutDuration };
}

/** A resolved transaction model with its population kernel. */
export interface DiagnosticModel extends ResolvedTransactionModel {
  readonly name: DiagnosticTransactionModel['model'];
  readonly population: PopulationKernel<unknown>;
  /** True for BG/BB: customers' T is a whole number of opportunities, horizons are floored to whole ones. */
  readonly discrete: boolean;
}

/**
 * Validates `{ model, params, logCovariance? }` (a continuous-time transaction model or BG/BB) and adds
 * the model's population kernel.
 * @example
 * ```ts
 * import { resolveDiagnosticModel } from './diagnostics.ts';
 *
 * const m = resolveDiagnosticModel('periodTransactions', { model: 'paretoNbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } });
 * m.name; // => 'paretoNbd'
 * m.population.expectedPurchases(m.params, 39); // => 1.2130
 * resolveDiagnosticModel('periodTransactions', { model: 'bgBb', params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 } }).discrete; // => true
 * resolveDiagnosticModel('periodTransactions', { model: 'nbd', params: {} }); // => throws RangeError: periodTransactions: transaction.model ("nbd") must be one of 'bgNbd', 'paretoNbd', 'mbgNbd', 'bgBb'
 * ```
 */
export function resolveDiagnosticModel(fn: string, transaction: unknown, name = 'transaction'): DiagnosticModel {
  const o = requireObject(fn, name, transaction);
  const model = o.model;
  const names = [...Object.keys(TRANSACTION_MODELS), 'bgBb'];
  const list = names.map((n) => `'${n}'`).join(', ');
  if (typeof model !== 'string') typeFail(fn, `${name}.model must be one of ${list}, got ${describeValue(model)}`);
  if (!names.includes(model)) rangeFail(fn, `${name}.model (${describeValue(model)}) must be one of ${list}`);
  const key = model as DiagnosticTransactionModel['model'];
  if (key !== 'bgBb') {
    const resolved = resolveTransactionModel(fn, transaction, name);
    return { ...resolved, name: key, population: POPULATION_MODELS[key], discrete: false };
  }
  const kernel = BG_BB_KERNEL;
  const params = kernel.readParams(fn, o.params);
  const logParams = Float64Array.from(kernel.paramNames, (p) =>
    Math.log((params as Record<string, number>)[p] as number),
  );
  const logCovariance = readLogCovariance(fn, `${name}.logCovariance`, o.logCovariance, kernel.paramNames.length);
  return { kernel, params, logParams, logCovariance, name: key, population: POPULATION_MODELS.bgBb, discrete: true };
}

/**
 * For BG/BB (discrete opportunities): checks that every customer's recency and T are whole numbers of
 * opportunities and that x = 0 exactly when tₓ = 0. A no-op for the continuous-time models.
 * @example
 * ```ts
 * import { requireDiscreteCustomers, resolveDiagnosticModel } from './diagnostics.ts';
 *
 * const bgBb = resolveDiagnosticModel('f', { model: 'bgBb', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } });
 * requireDiscreteCustomers('f', bgBb, { length: 1, frequency: [1], recency: [2], T: [6] }); // => undefined
 * requireDiscreteCustomers('f', bgBb, { length: 1, frequency: [1], recency: [2.5], T: [6] }); // => throws RangeError: f: row 0: recency (2.5) must be a whole number of opportunities for BG/BB
 * ```
 */
export function requireDiscreteCustomers(
  fn: string,
  model: DiagnosticModel,
  data: {
    readonly length: number;
    readonly frequency: ArrayLike<number>;
    readonly recency: ArrayLike<number>;
    readonly T: ArrayLike<number>;
  },
): void {
  if (!model.discrete) return;
  for (let i = 0; i < data.length; i++) {
    const x = data.frequency[i] as number;
    const tx = data.recency[i] as number;
    const T = data.T[i] as number;
    for (const [field, v] of [
      ['recency', tx],
      ['T', T],
    ] as const)
      if (!Number.isInteger(v))
        rangeFail(fn, `row ${i}: ${field} (${describeValue(v)}) must be a whole number of opportunities for BG/BB`, {
          row: i,
          value: v,
        });
    if ((x === 0) !== (tx === 0))
      rangeFail(fn, `row ${i}: recency (${tx}) must be 0 exactly when frequency (${x}) is 0 for BG/BB`, {
        row: i,
        value: tx,
      });
    if (x > tx)
      rangeFail(fn, `row ${i}: frequency (${x}) must not exceed recency (${tx}) for BG/BB`, { row: i, value: x });
  }
}

/**
 * Reads a non-negative integer option with a default and an upper bound.
 * @example
 * ```ts
 * import { readCount } from './diagnostics.ts';
 *
 * readCount('periodTransactions', 'maxFrequency', undefined, 7, 1000); // => 7
 * readCount('periodTransactions', 'maxFrequency', 2.5, 7, 1000); // => throws RangeError: periodTransactions: maxFrequency (2.5) must be an integer in [1, 1000]
 * ```
 */
export function readCount(fn: string, name: string, value: unknown, fallback: number, max: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < min || value > max)
    rangeFail(fn, `${name} (${describeValue(value)}) must be an integer in [${min}, ${max}]`);
  return value;
}
