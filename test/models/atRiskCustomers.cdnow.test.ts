import { describe, expect, it } from 'vitest';
import {
  atRiskCustomers,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  rfmSummary,
} from '../../src/index.ts';
import { cdnowMasterLog } from '../helpers/cdnowMasterLog.ts';

// Issue 16 item 15: under BG/NBD a customer without repeat purchases has P(alive) = 1 by construction
// (Fader, Hardie & Lee 2005, eq. for P(alive | x = 0) = 1), so atRiskCustomers never lists one-time buyers:
// 12,054 of the 23,570 CDNOW customers. MBG/NBD and Pareto/NBD let them drop out, as the docs say.
describe('atRiskCustomers and one-time buyers on the full CDNOW log', () => {
  const summary = rfmSummary(cdnowMasterLog(), { unit: 'week' });
  const oneTime = new Set(summary.flatMap((row, i) => (row.frequency === 0 ? [i] : [])));

  it('never lists one-time buyers under BG/NBD, whatever the threshold', () => {
    expect(oneTime.size).toBe(12_054);
    const bgNbd = fitBgNbd(summary);
    const alive = bgNbdProbabilityAlive(bgNbd.params, summary);
    for (const i of oneTime) expect(alive[i]).toBe(1);
    const all = atRiskCustomers(summary, bgNbd, { threshold: 1 });
    expect(all.some((c) => oneTime.has(c.index))).toBe(false);
    // everyone else is listed at threshold 1 (their P(alive) < 1)
    expect(all.length).toBe(23_570 - 12_054);
  });

  it('lists them under MBG/NBD and Pareto/NBD', () => {
    for (const fit of [fitMbgNbd(summary), fitParetoNbd(summary)]) {
      const atRisk = atRiskCustomers(summary, fit, { threshold: 0.5 });
      const listed = atRisk.filter((c) => oneTime.has(c.index)).length;
      expect(listed, fit.model).toBeGreaterThan(1000);
    }
  });
});
