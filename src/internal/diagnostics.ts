/**
 * Shared readers of the model diagnostics (src/diagnostics/): holdout columns beside the calibration
 * RFM summary, and the transaction-model door with its population kernel.
 * @internal
 * @module
 */
import { customerRows, rowNumber } from './input/customerSummary.ts';
import { POPULATION_MODELS, type PopulationKernel } from './models/populationModels.ts';
import {
  resolveTransactionModel,
  type ResolvedTransactionModel,
  type TransactionModel,
} from './models/transactionModel.ts';
import { describeValue, rangeFail, requireArrayLike, typeFail } from './validate.ts';

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
  readonly name: TransactionModel['model'];
  readonly population: PopulationKernel<unknown>;
}

/**
 * Validates `{ model, params, logCovariance? }` and adds the model's population kernel.
 * @example
 * ```ts
 * import { resolveDiagnosticModel } from './diagnostics.ts';
 *
 * const m = resolveDiagnosticModel('periodTransactions', { model: 'paretoNbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } });
 * m.name; // => 'paretoNbd'
 * m.population.expectedPurchases(m.params, 39); // => 1.2130
 * ```
 */
export function resolveDiagnosticModel(fn: string, transaction: unknown, name = 'transaction'): DiagnosticModel {
  const resolved = resolveTransactionModel(fn, transaction, name);
  const model = (transaction as { model: TransactionModel['model'] }).model;
  return { ...resolved, name: model, population: POPULATION_MODELS[model] };
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
