import type { PeriodSummary } from '../../src/internal/purchases/periodSummary.ts';

/** A transaction-kernel summary as plain arrays, for `toEqual` to compare to the last bit (−0, NaN included). */
export function summaryFields(s: PeriodSummary): unknown[] {
  return [
    s.count,
    Array.from(s.keys),
    Array.from(s.first),
    Array.from(s.last),
    Array.from(s.periods),
    Array.from(s.holdoutPeriods),
    s.repeatValue === null ? null : Array.from(s.repeatValue),
    s.holdoutValue === null ? null : Array.from(s.holdoutValue),
  ];
}
