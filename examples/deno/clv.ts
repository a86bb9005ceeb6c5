/**
 * Fit BG/NBD and Gamma-Gamma to the CDNOW sample and print the customers worth most over the next year:
 *
 *   deno run --allow-read examples/deno/clv.ts
 */
import { fitBgNbd, fitGammaGamma, modelClv, readCsvLog, rfmSummary } from 'loyalty-metrics';

// Stream the file into columns (customer codes, epoch-ms times, values) with the library's CSV reader.
const file = await Deno.open(new URL('../data/orders.csv', import.meta.url));
const orders = await readCsvLog(file.readable, { customer: 'customer_id', time: 'ordered_on', value: 'amount' });

// The 39-week calibration period of Fader, Hardie & Lee (2005), in weeks.
const summary = rfmSummary(orders, { observationEnd: '1997-09-30', unit: 'week' });
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
  // summary rows carry the customer code: orders.customerIds turns it back into the id
  .map((c, i) => ({ customer: orders.customerIds[c.customer as number], clv: clv[i] ?? 0 }))
  .sort((x, y) => y.clv - x.clv)
  .slice(0, 5);
for (const { customer, clv: value } of top) console.log(`${String(customer).padEnd(6)} $${value.toFixed(2)}`);
