import { describe, expect, it } from 'vitest';
import {
  buildCohorts,
  calibrationHoldoutSplit,
  cohortNetPromoterScore,
  cohortRetention,
  customerLifetimes,
  historicalClvByCustomer,
  overdueCustomers,
  retentionMatrix,
  rfmSummary,
} from '../../../src/index.ts';
import { expectThrows, thrown } from '../../helpers/expectClose.ts';

const rows = [
  { u: 'a', at: '2024-01-01', v: 1 },
  { u: 'a', at: '2024-02-01', v: 2 },
];

describe('event-log options', () => {
  it('throws a TypeError naming an unknown option key, with a suggestion', () => {
    expectThrows(
      () => retentionMatrix(rows, { customer: 'u', time: 'at', perod: 'month' } as never),
      TypeError,
      'retentionMatrix',
      'unknown option "perod" (did you mean "period"?)',
    );
    expectThrows(
      () => buildCohorts(rows, { customer: 'u', time: 'at', valeu: 'v' } as never),
      TypeError,
      'buildCohorts',
      'unknown option "valeu" (did you mean "value"?)',
    );
    expectThrows(
      () => cohortRetention(buildCohorts(rows, { customer: 'u', time: 'at' }), { mod: 'on' } as never),
      TypeError,
      'cohortRetention',
      'unknown option "mod"',
    );
    expectThrows(
      () => rfmSummary(rows, { customer: 'u', time: 'at', units: 'week' } as never),
      TypeError,
      'rfmSummary',
      'unknown option "units" (did you mean "unit"?)',
    );
    expectThrows(
      () =>
        calibrationHoldoutSplit(rows, { customer: 'u', time: 'at', calibrationEnd: '2024-01-15', holdout: 1 } as never),
      TypeError,
      'calibrationHoldoutSplit',
      'unknown option "holdout"',
    );
    expectThrows(
      () => overdueCustomers(rows, { customer: 'u', time: 'at', multiple: 2, value: 'v' } as never),
      TypeError,
      'overdueCustomers',
      'unknown option "value"',
    );
    expectThrows(
      () => customerLifetimes(rows, { customer: 'u', time: 'at', churnAfter: 30, timezone: 'UTC' } as never),
      TypeError,
      'customerLifetimes',
      'did you mean "timeZone"?',
    );
    expectThrows(
      () => historicalClvByCustomer(rows, { customer: 'u', value: 'v', margins: 0.5 } as never),
      TypeError,
      'historicalClvByCustomer',
      'unknown option "margins"',
    );
    const index = buildCohorts(rows, { customer: 'u', time: 'at' });
    expectThrows(
      () => cohortNetPromoterScore(index, [], { customer: 'u', score: 's', confidence: 0.9 } as never),
      TypeError,
      'cohortNetPromoterScore',
      'unknown option "confidence"',
    );
  });

  it('records the option path as the error argument', () => {
    expect(thrown(() => rfmSummary(rows, { customer: 'u', time: 'at', perod: 'week' } as never))).toMatchObject({
      function: 'rfmSummary',
      argument: 'options.perod',
    });
  });
});

describe('customer ids', () => {
  const bad: [unknown, typeof TypeError | typeof RangeError, string][] = [
    ['', TypeError, 'must be a non-empty string or a finite number, got ""'],
    [null, TypeError, 'must be a non-empty string or a finite number, got null'],
    [true, TypeError, 'must be a non-empty string or a finite number, got true'],
    [Number.NaN, RangeError, '(NaN) must be a finite number'],
    [Number.POSITIVE_INFINITY, RangeError, '(Infinity) must be a finite number'],
  ];

  it('follows one rule in every function that reads customer ids from rows', () => {
    for (const [id, kind, message] of bad) {
      const log = [
        { u: 'ok', at: 0, v: 1 },
        { u: id, at: 0, v: 1 },
      ];
      expectThrows(
        () => retentionMatrix(log, { customer: 'u', time: 'at' }),
        kind,
        'retentionMatrix',
        `row 1: customer ${message}`.replace('customer (', 'customer ('),
      );
      expectThrows(
        () => buildCohorts(log, { customer: 'u', time: 'at', value: 'v' }),
        kind,
        'buildCohorts',
        `row 1: customer`,
        message,
      );
      expectThrows(
        () => rfmSummary(log, { customer: 'u', time: 'at', value: 'v' }),
        kind,
        'rfmSummary',
        `row 1: customer`,
        message,
      );
      expectThrows(
        () => calibrationHoldoutSplit(log, { customer: 'u', time: 'at', calibrationEnd: 0 }),
        kind,
        'calibrationHoldoutSplit',
        `row 1: customer`,
        message,
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'u', time: 'at', churnAfter: 1 }),
        kind,
        'customerLifetimes',
        `row 1: customer`,
        message,
      );
      expectThrows(
        () => historicalClvByCustomer(log, { customer: 'u', value: 'v' }),
        kind,
        'historicalClvByCustomer',
        `row 1: customer`,
        message,
      );
      const index = buildCohorts([{ u: 'ok', at: 0 }], { customer: 'u', time: 'at' });
      expectThrows(
        () =>
          cohortNetPromoterScore(
            index,
            [
              { u: 'ok', s: 9 },
              { u: id, s: 9 },
            ],
            { customer: 'u', score: 's' },
          ),
        kind,
        'cohortNetPromoterScore',
        `row 1: customer`,
        message,
      );
    }
  });

  it('follows the same rule for columns and names the column index', () => {
    for (const [id, kind, message] of bad) {
      const columns = { customer: ['ok', id] as (string | number)[], time: [0, 0] };
      expectThrows(() => retentionMatrix(columns), kind, 'retentionMatrix', 'customer[1]', message);
      expectThrows(() => rfmSummary(columns), kind, 'rfmSummary', 'customer[1]', message);
      expectThrows(() => overdueCustomers(columns, { multiple: 2 }), kind, 'overdueCustomers', 'customer[1]', message);
      expect(thrown(() => rfmSummary(columns))).toMatchObject({ argument: 'transactions.customer[1]', row: 1 });
      expect(thrown(() => retentionMatrix(columns))).toMatchObject({ argument: 'events.customer[1]', row: 1 });
    }
  });
});
