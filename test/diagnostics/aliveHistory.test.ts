import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliveHistory, bgNbdProbabilityAlive, paretoNbdProbabilityAlive } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { BTYD_BG_NBD, BTYD_PARETO_NBD } from './cdnow.ts';

const day = 86_400_000;

describe('aliveHistory', () => {
  it('matches an mpmath evaluation of the Pareto/NBD P(alive) at the end of the path', () => {
    const path = aliveHistory(['2024-01-01', '2024-01-15', '2024-03-01'], BTYD_PARETO_NBD, {
      modelUnit: 'week',
      end: '2024-06-01',
    });
    expect(path).toHaveLength(153);
    const last = path[152]!;
    expect(last).toMatchObject({ date: '2024-06-01', frequency: 2 });
    // Schmittlein et al. (1987) P(alive) with mpmath 1.3 (25 digits), x = 2, tₓ = 60/7, T = 152/7
    expectClose(last.probabilityAlive, 0.566413469379357964713, { rel: 1e-12 });
  });

  it('agrees point by point with the P(alive) functions, and follows purchases (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 60 }),
        (offsets, extra) => {
          const times = offsets.map((o) => o * day + 3_600_000);
          const first = Math.min(...offsets);
          const lastPurchase = Math.max(...offsets);
          const end = (lastPurchase + extra) * day;
          const pn = aliveHistory(times, BTYD_PARETO_NBD, { modelUnit: 'week', end });
          const bg = aliveHistory(times, BTYD_BG_NBD, { modelUnit: 'day', end });
          expect(pn).toHaveLength(lastPurchase + extra - first + 1);
          const buys = new Set(offsets);
          pn.forEach((point, j) => {
            expectClose(point.probabilityAlive, paretoNbdProbabilityAlive(BTYD_PARETO_NBD.params, point), {
              rel: 1e-15,
            });
            if (buys.has(first + j)) expect(point.probabilityAlive).toBe(1);
            else if (j > 0) expect(point.probabilityAlive).toBeLessThanOrEqual(pn[j - 1]!.probabilityAlive);
            expectClose(bg[j]!.T, 7 * point.T, { rel: 1e-14 });
            expectClose(bg[j]!.probabilityAlive, bgNbdProbabilityAlive(BTYD_BG_NBD.params, bg[j]!), { rel: 1e-15 });
          });
          expect(pn[pn.length - 1]!.frequency).toBe(buys.size - 1);
        },
      ),
      { numRuns: 50 },
    );
  });

  describe('edge cases', () => {
    it('returns [] without purchases, merges same-day purchases, leaves frozen input alone', () => {
      expect(aliveHistory([], BTYD_BG_NBD, { modelUnit: 'week' })).toStrictEqual([]);
      const path = aliveHistory(deepFreeze(['2024-01-02T10:00Z', '2024-01-01', '2024-01-02']), BTYD_BG_NBD, {
        modelUnit: 'day',
      });
      expect(path.map((p) => p.frequency)).toStrictEqual([0, 1]);
      expect(path[0]!.probabilityAlive).toBe(1);
    });

    it('steps by weeks and always ends on the end day', () => {
      const path = aliveHistory(['2024-01-01'], BTYD_BG_NBD, { modelUnit: 'week', end: '2024-01-20', step: 'week' });
      expect(path.map((p) => p.date)).toStrictEqual(['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-20']);
    });

    it('throws for a missing unit, an early end and bad times', () => {
      expectThrows(
        () => aliveHistory(['2024-01-01'], BTYD_BG_NBD, {} as never),
        TypeError,
        'aliveHistory',
        'modelUnit',
      );
      expectThrows(
        () => aliveHistory(['2024-01-05'], BTYD_BG_NBD, { modelUnit: 'day', end: '2024-01-01' }),
        RangeError,
        'aliveHistory',
        'end',
      );
      expectThrows(() => aliveHistory(['2024-13-01'], BTYD_BG_NBD, { modelUnit: 'day' }), TypeError, 'aliveHistory');
      expectThrows(
        () => aliveHistory(['1900-01-01'], BTYD_BG_NBD, { modelUnit: 'day', end: '2200-01-01' }),
        RangeError,
        'aliveHistory',
        '100000 days',
      );
    });
  });
});
