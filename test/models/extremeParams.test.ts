import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bgBbConditionalExpectedPurchases,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  sbgDiscountedExpectedResidualLifetime,
} from '../../src/index.ts';
import { aliveExpectedPurchases } from '../../src/internal/models/betaDropoutKernel.ts';
import { expectClose } from '../helpers/expectClose.ts';

// Issue #16 items 7 and 8: values at extreme but valid parameters against mpmath at 60 digits.
// The values were computed by test/fixtures/extreme_params_mpmath.py (its docstring says how; none comes
// from this library). Tolerance: 1e-10 relative (the kernels aim at 1e-13; P(alive) adds a few ulps
// times (r + x)·ln((α + T)/(α + tₓ))).
interface Customer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}
interface TransactionCase {
  readonly name: string;
  readonly params: { r: number; alpha: number; a: number; b: number };
  readonly t: number;
  readonly customer: Customer;
  readonly value: number;
  readonly alive: number;
}
interface Fixture {
  readonly bgNbdConditional: readonly TransactionCase[];
  readonly mbgNbdConditional: readonly TransactionCase[];
  readonly bgBbConditional: readonly {
    name: string;
    params: { alpha: number; beta: number; gamma: number; delta: number };
    customer: { frequency: number; recency: number; opportunities: number };
    futurePeriods: number;
    value: number;
  }[];
  readonly sbgDerl: readonly {
    name: string;
    params: { alpha: number; beta: number };
    discountRate: number;
    renewals: number;
    value: number;
  }[];
}

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/extreme_params_mpmath.json', import.meta.url)), 'utf8'),
) as Fixture;

describe('BG/NBD at extreme parameters (mpmath)', () => {
  it.each(fixture.bgNbdConditional.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const v = bgNbdConditionalExpectedPurchases(c.params, c.t, c.customer);
    expectClose(v, c.value, { rel: 1e-10 });
    const { r, alpha, a, b } = c.params;
    const x = c.customer.frequency;
    expectClose(aliveExpectedPurchases(r + x, alpha + c.customer.T, a, b + x, c.t), c.alive, { rel: 1e-11 });
    // the bound of the issue: never above (r + x)·t/(α + T)
    expect(v).toBeLessThanOrEqual(((r + x) * c.t) / (alpha + c.customer.T));
    if (x === 0 && c.customer.T === 0) expectClose(bgNbdExpectedPurchases(c.params, c.t), c.value, { rel: 1e-10 });
  });

  it('issue #16 item 7: 221.07 (not 0 or 3.1e223), below (r + x)·t/(α + T) = 221.25', () => {
    const full = { r: 0.09241266188973184, alpha: 0.4243011376422701, a: 0.16861426819500888, b: 28161.573128616175 };
    const v = bgNbdConditionalExpectedPurchases(full, 22.93969643767923, { frequency: 4, recency: 0, T: 0 });
    expectClose(v, 221.07206093189055, { rel: 1e-10 });
    const short = { r: 0.0924, alpha: 0.4243, a: 0.1686, b: 28161.57 };
    expectClose(bgNbdConditionalExpectedPurchases(short, 22.94, { frequency: 4, recency: 0, T: 0 }), 221.0749, {
      rel: 1e-6,
    });
    // r ≥ 3e5 returned 0
    const big = bgNbdConditionalExpectedPurchases({ ...full, r: 3e5 }, 1, { frequency: 4, recency: 0, T: 0 });
    expectClose(big, 476316.7737863821, { rel: 1e-10 });
  });
});

describe('MBG/NBD at extreme parameters (mpmath)', () => {
  it.each(fixture.mbgNbdConditional.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const v = mbgNbdConditionalExpectedPurchases(c.params, c.t, c.customer);
    expectClose(v, c.value, { rel: 1e-10 });
    const { r, alpha, a, b } = c.params;
    const x = c.customer.frequency;
    expectClose(aliveExpectedPurchases(r + x, alpha + c.customer.T, a, b + x + 1, c.t), c.alive, { rel: 1e-11 });
    expect(v).toBeLessThanOrEqual(((r + x) * c.t) / (alpha + c.customer.T));
    if (x === 0 && c.customer.T === 0) expectClose(mbgNbdExpectedPurchases(c.params, c.t), c.value, { rel: 1e-10 });
  });
});

describe('BG/BB conditional expectation at extreme parameters (mpmath)', () => {
  it.each(fixture.bgBbConditional.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const v = bgBbConditionalExpectedPurchases(c.params, c.customer, { futurePeriods: c.futurePeriods });
    expectClose(v, c.value, { rel: 1e-10 });
    expect(v).toBeLessThanOrEqual(c.futurePeriods);
  });
});

describe('sBG discounted expected residual lifetime at extreme parameters (mpmath)', () => {
  it.each(fixture.sbgDerl.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const v = sbgDiscountedExpectedResidualLifetime(c.params, { discountRate: c.discountRate, renewals: c.renewals });
    expectClose(v, c.value, { rel: 1e-12 });
  });
});
