import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricTrend } from '../../src/index.ts';

const series = fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 });
const lookback = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined });

describe('metricTrend properties', () => {
  it('has one period per value whose changes sum to last − first', () => {
    fc.assert(
      fc.property(series, (values) => {
        const trend = metricTrend(values);
        expect(trend.periods).toHaveLength(values.length);
        if (values.length >= 2) {
          const total = trend.periods.slice(1).reduce((s, p) => s + p.change, 0);
          expect(total).toBe((values.at(-1) as number) - (values[0] as number));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('flags exactly when the latest change is outside [min, max] of the previous k changes (brute force)', () => {
    fc.assert(
      fc.property(series, lookback, (values, k) => {
        const trend = metricTrend(values, k === undefined ? {} : { lookback: k });
        const changes = values.slice(1).map((v, i) => v - (values[i] as number));
        const earlier = changes.slice(0, -1).slice(-(k ?? changes.length));
        expect(trend.lookback).toBe(earlier.length);
        if (earlier.length === 0) {
          expect(trend.flag).toBe('none');
          return;
        }
        const latest = changes.at(-1) as number;
        const min = Math.min(...earlier);
        const max = Math.max(...earlier);
        expect(trend.range).toEqual([min, max]);
        expect(trend.flag).toBe(latest > max ? 'rise' : latest < min ? 'drop' : 'none');
      }),
      { numRuns: 200 },
    );
  });

  it('is invariant under adding a constant, and mirrors under negation', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -1000, max: 1000 }), (values, c) => {
        const base = metricTrend(values);
        expect(metricTrend(values.map((v) => v + c)).flag).toBe(base.flag);
        const negated = metricTrend(values.map((v) => -v)).flag;
        expect(negated).toBe(base.flag === 'rise' ? 'drop' : base.flag === 'drop' ? 'rise' : 'none');
      }),
      { numRuns: 200 },
    );
  });

  it('throws for a non-finite value', () => {
    fc.assert(
      fc.property(series, fc.constantFrom(Number.NaN, Infinity, -Infinity), (values, bad) => {
        expect(() => metricTrend([...values, bad])).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });
});
