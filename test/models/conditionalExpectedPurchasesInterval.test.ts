import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, conditionalExpectedPurchasesInterval, fitBgNbd } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { cdnowSummary } from './cdnow.ts';

const fit = fitBgNbd(cdnowSummary());
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('conditionalExpectedPurchasesInterval', () => {
  it('centres on bgNbdConditionalExpectedPurchases and brackets it', () => {
    const r = conditionalExpectedPurchasesInterval(fit, 39, customer, { draws: 300 });
    expectClose(r.estimate, bgNbdConditionalExpectedPurchases(fit.params, 39, customer), { rel: 1e-15 });
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
  });
});
