import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerLifetimes } from '../../src/index.ts';

const DAY = 86_400_000;
const log = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.integer({ min: 0, max: 200 }) }), {
  maxLength: 40,
});

describe('customerLifetimes properties', () => {
  it('matches a brute-force day-by-day activity scan', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 250 }), (rows, churnAfter, end) => {
        const result = customerLifetimes(
          rows.map((r) => ({ id: r.id, t: r.day * DAY })),
          { customer: 'id', time: 't', churnAfter, observationEnd: end * DAY },
        );
        const ids = [...new Set(rows.filter((r) => r.day <= end).map((r) => r.id))];
        expect(result.customers).toEqual(ids);
        ids.forEach((id, i) => {
          const days = new Set(rows.filter((r) => r.id === id && r.day <= end).map((r) => r.day));
          const first = Math.min(...days);
          // Walk forward day by day: churn on the first day d with no activity in [d − churnAfter, d] ... i.e. last + churnAfter.
          let last = first;
          let churn = Number.NaN;
          for (let d = first; d <= end; d++) {
            if (days.has(d)) last = d;
            if (d - last >= churnAfter) {
              churn = d;
              break;
            }
          }
          if (Number.isNaN(churn)) {
            expect(result.events[i]).toBe(0);
            expect(result.durations[i]).toBe(end - first);
          } else {
            expect(result.events[i]).toBe(1);
            expect(result.durations[i]).toBe(churn - first);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives durations within [0, end − first] and at least churnAfter for observed churns; permutation invariant per customer', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 1, max: 60 }), (rows, churnAfter) => {
        const input = rows.map((r) => ({ id: r.id, t: r.day * DAY }));
        const a = customerLifetimes(input, { customer: 'id', time: 't', churnAfter });
        const b = customerLifetimes([...input].reverse(), { customer: 'id', time: 't', churnAfter });
        a.customers.forEach((id, i) => {
          const j = b.customers.indexOf(id);
          expect(b.durations[j]).toBe(a.durations[i]);
          expect(b.events[j]).toBe(a.events[i]);
          expect(a.durations[i]).toBeGreaterThanOrEqual(0);
          if (a.events[i] === 1) expect(a.durations[i]).toBeGreaterThanOrEqual(churnAfter);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('throws for a non-positive churnAfter', () => {
    fc.assert(
      fc.property(fc.double({ max: 0, noNaN: true }), (churnAfter) => {
        expect(() => customerLifetimes([], { customer: 'id', time: 't', churnAfter })).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });
});
