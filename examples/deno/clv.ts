/**
 * Fit BG/NBD and Gamma-Gamma to the CDNOW sample and print the customers worth most over the next year:
 *
 *   deno run --allow-read examples/deno/clv.ts
 */
import { fitBgNbd, fitGammaGamma, modelClv, rfmSummary } from 'loyalty-metrics';

const text = await Deno.readTextFile(new URL('../data/orders.csv', import.meta.url));
const orders = text
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [customer = '', day = '', , amount = ''] = line.split(',');
    return { customer, day, amount: Number(amount) };
  });

// The 39-week calibration period of Fader, Hardie & Lee (2005), in weeks.
const summary = rfmSummary(orders, {
  customer: 'customer',
  time: 'day',
  value: 'amount',
  observationEnd: '1997-09-30',
  unit: 'week',
});
const bgNbd = fitBgNbd(summary);
const spend = fitGammaGamma(summary);
const { r, alpha, a, b } = bgNbd.params;
console.log(`BG/NBD r=${r.toFixed(3)} alpha=${alpha.toFixed(3)} a=${a.toFixed(3)} b=${b.toFixed(3)}`);

const clv = modelClv(bgNbd, spend.params, summary, {
  horizon: 12,
  horizonUnit: 'month',
  modelUnit: 'week',
  discountRate: 0.01,
});
const top = summary
  .map((c, i) => ({ customer: c.customer, clv: clv[i] ?? 0 }))
  .sort((x, y) => y.clv - x.clv)
  .slice(0, 5);
for (const { customer, clv: value } of top) console.log(`${String(customer).padEnd(6)} $${value.toFixed(2)}`);
