/**
 * The weighted log-likelihood builder of each transaction model (the same functions the fits
 * maximise), keyed like `TRANSACTION_MODELS`; kept apart from the population kernels so that a
 * diagnostic that never evaluates a likelihood does not bundle one.
 * @internal
 * @module
 */
import { bgNbdLogLikelihood } from './bgNbdKernel.ts';
import { mbgNbdLogLikelihood } from './mbgNbdKernel.ts';
import { paretoNbdLogLikelihood } from './paretoNbdKernel.ts';
import { bgBbDiagnosticLogLikelihood, type DiagnosticTransactionModel } from './bgBbDiagnostics.ts';

/** Weighted log-likelihood over customer columns, as a function of the log-parameters. */
export type LogLikelihoodBuilder = (
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
) => (logParams: Float64Array) => number;

/**
 * Model name → log-likelihood builder.
 * @example
 * ```ts
 * import { MODEL_LIKELIHOODS } from './modelLikelihoods.ts';
 *
 * // Hardie's note 027 values: 2·(−0.59947382) + 100.7957 at r, α, a, b = 0.25, 4, 0.8, 2.5
 * const ll = MODEL_LIKELIHOODS.bgNbd(Float64Array.of(0, 200), Float64Array.of(0, 38), Float64Array.of(40, 40), Float64Array.of(2, 1));
 * ll(Float64Array.from([0.25, 4, 0.8, 2.5], Math.log)); // => 99.597
 * ```
 */
export const MODEL_LIKELIHOODS: Readonly<Record<DiagnosticTransactionModel['model'], LogLikelihoodBuilder>> = {
  bgNbd: bgNbdLogLikelihood,
  paretoNbd: paretoNbdLogLikelihood,
  mbgNbd: mbgNbdLogLikelihood,
  bgBb: bgBbDiagnosticLogLikelihood,
};
