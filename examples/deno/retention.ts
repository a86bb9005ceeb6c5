/**
 * Cohort retention in Deno, straight from the TypeScript source (no build step):
 *
 *   deno run --allow-read examples/deno/retention.ts
 *
 * Inside this repository "loyalty-metrics" maps to src/index.ts through deno.json; in your project use
 * "jsr:@loyalty-metrics/loyalty-metrics" or "npm:loyalty-metrics".
 */
import { cohortHeatmapSvg, readCsvLog, retentionMatrix } from 'loyalty-metrics';

// The library's CSV reader streams the file into columns (customer codes and epoch-ms times).
const file = await Deno.open(new URL('../data/orders.csv', import.meta.url));
const orders = await readCsvLog(file.readable, { customer: 'customer_id', time: 'ordered_on' });

const matrix = retentionMatrix(orders, { period: 'month', mode: 'onOrAfter' });
for (const cohort of matrix.cohorts) {
  const rates = cohort.rates.slice(0, 7).map((r) => `${(100 * r).toFixed(1)}%`.padStart(7));
  console.log(`${cohort.label}  ${String(cohort.size).padStart(4)}${rates.join('')}`);
}

// A standalone SVG, e.g. for a static site or an e-mail report.
const out = Deno.args[0];
if (out !== undefined) {
  await Deno.writeTextFile(out, cohortHeatmapSvg(matrix, { title: 'Customers ordering in month k or later' }));
  console.log(`wrote ${out}`);
}
