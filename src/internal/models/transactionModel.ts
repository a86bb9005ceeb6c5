/**
 * The transaction-model interface: how model-based CLV, at-risk ranking and prediction intervals use
 * any fitted purchase model through one door.
 *
 * A fitted transaction model is plain data, `{ model: 'bgNbd', params, logCovariance? }` (every
 * `fit*` result of a transaction model has exactly these fields, so a fit result can be passed as is).
 * Code that needs predictions looks the model up in {@link TRANSACTION_MODELS} and calls its kernel;
 * it never switches on the model name itself.
 *
 * ## Adding a model (e.g. 'paretoNbd', 'mbgNbd')
 * 1. Write its kernels (P(alive), conditional expected purchases) under `src/models/<model>/`.
 * 2. Add its `{ model: '<name>'; params: <Params>; logCovariance?: … }` interface below and to the
 *    {@link TransactionModel} union.
 * 3. Add one entry to {@link TRANSACTION_MODELS}: parameter names (in `logCovariance` order),
 *    `readParams`, `probabilityAlive`, `conditionalExpectedPurchases` (`fromVector` follows from the names).
 * Nothing else changes: `modelClv`, `modelClvInterval`, `probabilityAliveInterval`,
 * `conditionalExpectedPurchasesInterval` and `atRiskCustomers` pick the new entry up automatically.
 * @module
 */
import { cholesky } from '../hessian.ts';
import { namedParams } from '../maximumLikelihood.ts';
import { describeValue, rangeFail, requireObject, typeFail } from '../validate.ts';
import {
  BG_NBD_PARAM_NAMES,
  bgNbdConditionalExpectedOne,
  bgNbdProbabilityAliveOne,
  readBgNbdParams,
  type BgNbdParams,
} from './bgNbdKernel.ts';
import { mbgNbdConditionalExpectedOne, mbgNbdProbabilityAliveOne } from './mbgNbdKernel.ts';
import {
  PARETO_NBD_PARAM_NAMES,
  paretoNbdConditionalExpectedOne,
  paretoNbdProbabilityAliveOne,
  readParetoNbdParams,
  type ParetoNbdParams,
} from './paretoNbdKernel.ts';

/** Covariance of the log-parameters as produced by a fit (`null` when its Hessian was not positive definite). */
export type LogCovariance = readonly (readonly number[])[] | null;

/** A fitted BG/NBD model as a transaction model. */
export interface BgNbdTransactionModel {
  readonly model: 'bgNbd';
  readonly params: BgNbdParams;
  /** Needed only for intervals; the `fitBgNbd` result carries it. */
  readonly logCovariance?: LogCovariance;
}

/** A fitted Pareto/NBD model as a transaction model (the `fitParetoNbd` result qualifies). */
export interface ParetoNbdTransactionModel {
  readonly model: 'paretoNbd';
  readonly params: ParetoNbdParams;
  readonly logCovariance?: LogCovariance;
}

/** A fitted MBG/NBD model as a transaction model (the `fitMbgNbd` result qualifies); same parameters as BG/NBD. */
export interface MbgNbdTransactionModel {
  readonly model: 'mbgNbd';
  readonly params: BgNbdParams;
  readonly logCovariance?: LogCovariance;
}

/** Any fitted transaction model (a discriminated union on `model`). */
export type TransactionModel = BgNbdTransactionModel | ParetoNbdTransactionModel | MbgNbdTransactionModel;

/**
 * What every transaction model provides. `P` is the validated parameter object; kernels receive the
 * customer's frequency x, recency tₓ and age T in the model's time unit.
 * @internal
 */
export interface TransactionModelKernel<P> {
  /** Parameter names, in the order of `logCovariance` rows and columns. */
  readonly paramNames: readonly string[];
  /** Validates `params` (throwing `fn: …` errors) and returns them. */
  readParams(fn: string, params: unknown): P;
  /** Parameters from values in `paramNames` order (used for resampled draws). */
  fromVector(values: ArrayLike<number>): P;
  /** P(alive | x, tₓ, T). */
  probabilityAlive(params: P, x: number, tx: number, T: number): number;
  /** E[X(T, T + t) | x, tₓ, T]. */
  conditionalExpectedPurchases(params: P, t: number, x: number, tx: number, T: number): number;
}

/**
 * The registry: model name → kernel. Adding a model = adding one entry here.
 * @internal
 */
export const TRANSACTION_MODELS: Readonly<Record<TransactionModel['model'], TransactionModelKernel<unknown>>> = {
  bgNbd: /* @__PURE__ */ defineKernel<BgNbdParams>({
    paramNames: BG_NBD_PARAM_NAMES,
    readParams: readBgNbdParams,
    probabilityAlive: bgNbdProbabilityAliveOne,
    conditionalExpectedPurchases: bgNbdConditionalExpectedOne,
  }),
  paretoNbd: /* @__PURE__ */ defineKernel<ParetoNbdParams>({
    paramNames: PARETO_NBD_PARAM_NAMES,
    readParams: readParetoNbdParams,
    probabilityAlive: paretoNbdProbabilityAliveOne,
    conditionalExpectedPurchases: paretoNbdConditionalExpectedOne,
  }),
  mbgNbd: /* @__PURE__ */ defineKernel<BgNbdParams>({
    paramNames: BG_NBD_PARAM_NAMES,
    readParams: readBgNbdParams,
    probabilityAlive: mbgNbdProbabilityAliveOne,
    conditionalExpectedPurchases: mbgNbdConditionalExpectedOne,
  }),
};

/**
 * Type-checks a kernel against its own parameter type, adds `fromVector` (the parameters named after
 * `paramNames`), then erases it for the registry.
 */
function defineKernel<P>(kernel: Omit<TransactionModelKernel<P>, 'fromVector'>): TransactionModelKernel<unknown> {
  const complete: TransactionModelKernel<P> = {
    ...kernel,
    fromVector: (values) => namedParams<P>(kernel.paramNames, values),
  };
  return complete as unknown as TransactionModelKernel<unknown>;
}

/** A validated transaction model: its kernel, parameters and (optional) log-parameter covariance. */
export interface ResolvedTransactionModel {
  readonly kernel: TransactionModelKernel<unknown>;
  readonly params: unknown;
  /** Log-parameter values in `kernel.paramNames` order. */
  readonly logParams: Float64Array;
  /** Row-major covariance, `null` when absent or not available, `undefined` when not supplied. */
  readonly logCovariance: Float64Array | null | undefined;
}

/**
 * Validates `{ model, params, logCovariance? }` and looks the model up.
 * @internal
 * @example
 * ```ts
 * import { resolveTransactionModel } from './transactionModel.ts';
 *
 * // A fit result (or any { model, params }) resolves to its kernel; FHL (2005): 1.226 purchases in 39 weeks
 * const { kernel, params, logParams } = resolveTransactionModel('modelClv', { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
 * kernel.conditionalExpectedPurchases(params, 39, 2, 30.43, 38.86); // => 1.226
 * logParams.map(Math.exp); // => [0.243, 4.414, 0.793, 2.426]
 * resolveTransactionModel('modelClv', { model: 'nbd', params: {} }); // => throws RangeError: modelClv: transaction.model ("nbd") must be one of 'bgNbd', 'paretoNbd', 'mbgNbd'
 * ```
 */
export function resolveTransactionModel(
  fn: string,
  transaction: unknown,
  name = 'transaction',
): ResolvedTransactionModel {
  const o = requireObject(fn, name, transaction);
  const model = o.model;
  const names = Object.keys(TRANSACTION_MODELS);
  if (typeof model !== 'string')
    typeFail(fn, `${name}.model must be one of ${names.map((n) => `'${n}'`).join(', ')}, got ${describeValue(model)}`);
  if (!Object.hasOwn(TRANSACTION_MODELS, model)) {
    rangeFail(fn, `${name}.model (${describeValue(model)}) must be one of ${names.map((n) => `'${n}'`).join(', ')}`);
  }
  const kernel = TRANSACTION_MODELS[model as TransactionModel['model']];
  const params = kernel.readParams(fn, o.params);
  const k = kernel.paramNames.length;
  const logParams = Float64Array.from(kernel.paramNames, (p) =>
    Math.log((params as Record<string, number>)[p] as number),
  );
  const logCovariance = readLogCovariance(fn, `${name}.logCovariance`, o.logCovariance, k);
  return { kernel, params, logParams, logCovariance };
}

/**
 * Validates an optional k×k log-parameter covariance (nested arrays of finite numbers, or `null`) and
 * returns it row-major; `undefined` when absent.
 * @internal
 * @example
 * ```ts
 * import { readLogCovariance } from './transactionModel.ts';
 *
 * readLogCovariance('f', 'cov', [[0.01, 0.002], [0.002, 0.04]], 2); // => [0.01, 0.002, 0.002, 0.04]
 * readLogCovariance('f', 'cov', undefined, 2); // => undefined
 * readLogCovariance('f', 'cov', null, 2); // => null
 * readLogCovariance('f', 'cov', [[0.01, NaN], [0, 0.04]], 2); // => throws RangeError: f: cov[0][1] (NaN) must be a finite number
 * // [[1, 2], [2, 1]] has the eigenvalue −1: not a covariance
 * readLogCovariance('f', 'cov', [[1, 2], [2, 1]], 2); // => throws RangeError: f: cov must be positive definite (a covariance matrix); pass null when the fit has none
 * readLogCovariance('f', 'cov', [[1, 0.5], [0.4, 1]], 2); // => throws RangeError: f: cov must be symmetric: [1][0] is 0.4, [0][1] is 0.5
 * ```
 */
export function readLogCovariance(fn: string, name: string, cov: unknown, k: number): Float64Array | null | undefined {
  if (cov === undefined) return undefined;
  if (cov === null) return null;
  if (!Array.isArray(cov) || cov.length !== k)
    typeFail(fn, `${name} must be a ${k}×${k} array of numbers or null, got ${describeValue(cov)}`);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const row: unknown = cov[i];
    if (!Array.isArray(row) || row.length !== k)
      typeFail(fn, `${name} must be a ${k}×${k} array of numbers or null, got a row ${describeValue(row)}`);
    for (let j = 0; j < k; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number') typeFail(fn, `${name}[${i}][${j}] must be a number, got ${describeValue(v)}`);
      if (!Number.isFinite(v)) rangeFail(fn, `${name}[${i}][${j}] (${describeValue(v)}) must be a finite number`);
      out[i * k + j] = v;
    }
  }
  // A covariance is symmetric positive definite; anything else would give NaN draws, so it is refused here.
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      const a = out[i * k + j] as number;
      const b = out[j * k + i] as number;
      if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b)))
        rangeFail(fn, `${name} must be symmetric: [${i}][${j}] is ${a}, [${j}][${i}] is ${b}`, {
          argument: `${name}[${i}][${j}]`,
          value: a,
        });
    }
  if (cholesky(out, k) === null)
    rangeFail(fn, `${name} must be positive definite (a covariance matrix); pass null when the fit has none`, {
      argument: name,
      value: cov,
    });
  return out;
}
