import { describe, expect, it } from 'vitest';
import { resolveTransactionModel, TRANSACTION_MODELS } from '../../src/internal/models/transactionModel.ts';
import { expectThrows } from '../helpers/expectClose.ts';

// Contract every registered transaction model must honour, so modelClv and atRiskCustomers can use
// any of them. New registry entries are covered automatically.
describe('transaction-model registry', () => {
  for (const [name, kernel] of Object.entries(TRANSACTION_MODELS)) {
    describe(name, () => {
      const params = kernel.fromVector(kernel.paramNames.map(() => 1));

      it('round-trips its parameters through readParams and fromVector', () => {
        const record = Object.fromEntries(kernel.paramNames.map((p, i) => [p, i + 0.5]));
        const resolved = resolveTransactionModel('test', { model: name, params: record });
        expect(resolved.logParams.length).toBe(kernel.paramNames.length);
        expect(kernel.fromVector(Array.from(resolved.logParams, Math.exp))).toEqual(resolved.params);
      });

      it('gives P(alive) in [0, 1] and expected purchases that start at 0 and do not decrease', () => {
        for (const [x, tx, T] of [
          [0, 0, 10],
          [3, 5, 10],
          [50, 9.5, 10],
        ] as const) {
          const pa = kernel.probabilityAlive(params, x, tx, T);
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
          expect(kernel.conditionalExpectedPurchases(params, 0, x, tx, T)).toBe(0);
          let previous = 0;
          for (const t of [1, 5, 20, 100]) {
            const e = kernel.conditionalExpectedPurchases(params, t, x, tx, T);
            expect(e).toBeGreaterThanOrEqual(previous);
            previous = e;
          }
        }
      });
    });
  }

  it('rejects unknown model names and malformed covariances with the caller name', () => {
    expectThrows(
      () => resolveTransactionModel('modelClv', { model: 'BG/NBD', params: {} }),
      RangeError,
      'modelClv',
      'transaction.model ("BG/NBD") must be one of',
    );
    expectThrows(
      () => resolveTransactionModel('modelClv', { model: 1, params: {} }),
      TypeError,
      'modelClv',
      'transaction.model must be one of',
    );
    expectThrows(
      () =>
        resolveTransactionModel('modelClv', {
          model: 'bgNbd',
          params: { r: 1, alpha: 1, a: 1, b: 1 },
          logCovariance: [[1]],
        }),
      TypeError,
      'modelClv',
      'transaction.logCovariance must be a 4×4 array',
    );
  });
});
