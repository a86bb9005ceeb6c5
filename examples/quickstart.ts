/**
 * Quickstart: a loyalty report over the bundled sample data, `npm run demo`.
 *
 * examples/data/orders.csv  CDNOW: 2,357 customers, 6,919 orders, Jan 1997 – Jun 1998
 * examples/data/survey.csv  synthetic NPS answers from 719 of them
 *
 * Copy any block into your own code: everything comes from `loyalty-metrics`.
 */
import { readFileSync } from 'node:fs';
import {
  averageOrderValue,
  fitBgNbd,
  fitGammaGamma,
  historicalClvByCustomer,
  modelClv,
  netPromoterScore,
  parseCsvLog,
  purchaseFrequency,
  repeatPurchaseRate,
  retentionMatrix,
  rfmScores,
  rfmSegment,
  rfmSummary,
  bgNbdProbabilityAlive,
  bgNbdConditionalExpectedPurchases,
} from 'loyalty-metrics';

// ---------------------------------------------------------------------------------------------
// Load the sample data with the library's CSV reader (RFC 4180: quotes, CRLF, BOM; bad rows named by line).
// It returns columns (customer codes with their ids, epoch-ms times, values) that the event-log functions take
// as they are; here they become one plain object per order, the shape most code has.
const data = (name: string): Uint8Array => readFileSync(new URL(`./data/${name}`, import.meta.url));
const log = parseCsvLog(data('orders.csv'), { customer: 'customer_id', time: 'ordered_on', value: 'amount' });
const orders = Array.from(log.customer, (code, i) => ({
  customer: String(log.customerIds[code]),
  orderedOn: log.time[i] as number,
  amount: log.value?.[i] as number,
}));
const answers = parseCsvLog(data('survey.csv'), { customer: 'customer_id', time: 'answered_on', value: 'score' });
const survey = Array.from(answers.value ?? [], (score, i) => ({
  customer: String(answers.customerIds[answers.customer[i] as number]),
  score,
}));

const fmt = (x: number, digits = 2): string => x.toFixed(digits);
const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)} %`;
const money = (x: number): string => `$${x.toFixed(2)}`;
const heading = (title: string): void => console.log(`\n${title}\n${'─'.repeat(title.length)}`);

// ---------------------------------------------------------------------------------------------
heading('Orders at a glance');
const observationEnd = '1998-06-30';
// With `time`, a customer's orders of one day are one purchase, as rfmSummary and the models count them.
const perCustomer = historicalClvByCustomer(orders, { customer: 'customer', value: 'amount', time: 'orderedOn' });
const revenue = perCustomer.reduce((sum, c) => sum + c.clv, 0);
const purchases = perCustomer.reduce((sum, c) => sum + c.orders, 0);
console.log(`customers              ${perCustomer.length}`);
console.log(`orders                 ${orders.length}`);
console.log(`purchases (days)       ${purchases}`);
console.log(`revenue                ${money(revenue)}`);
console.log(
  `repeat purchase rate   ${pct(repeatPurchaseRate({ customers: perCustomer.length, repeatCustomers: perCustomer.filter((c) => c.orders >= 2).length }))}`,
);
console.log(`purchases per customer ${fmt(purchaseFrequency({ orders: purchases, customers: perCustomer.length }))}`);
console.log(`average order value    ${money(averageOrderValue({ revenue, orders: purchases }))}`);

// ---------------------------------------------------------------------------------------------
heading('Net Promoter Score (survey)');
const nps = netPromoterScore(survey.map((answer) => answer.score));
console.log(
  `NPS ${fmt(nps.score, 1)} (95 % CI ${fmt(nps.confidenceInterval[0], 1)} … ${fmt(nps.confidenceInterval[1], 1)}) from ${nps.n} answers: ` +
    `${pct(nps.promoterShare)} promoters, ${pct(nps.passiveShare)} passives, ${pct(nps.detractorShare)} detractors`,
);

// ---------------------------------------------------------------------------------------------
heading('Monthly retention by acquisition cohort (share of the cohort ordering in month k)');
const matrix = retentionMatrix(orders, { customer: 'customer', time: 'orderedOn', period: 'month', observationEnd });
const months = 12;
console.log(`cohort       size  ${Array.from({ length: months }, (_, k) => `m${k}`.padStart(6)).join('')}`);
for (const cohort of matrix.cohorts) {
  const cells = cohort.rates
    .slice(0, months)
    .map((rate, k) => (cohort.complete[k] ? pct(rate, 0) : `${pct(rate, 0)}*`).padStart(6));
  console.log(`${cohort.label}  ${String(cohort.size).padStart(5)}  ${cells.join('')}`);
}
console.log(
  `average            ${matrix.average
    .slice(0, months)
    .map((rate) => (rate === null ? '–' : pct(rate, 0)).padStart(6))
    .join('')}`,
);

// ---------------------------------------------------------------------------------------------
heading('RFM segments (calibration: orders up to 1997-09-30, weekly units)');
const summary = rfmSummary(orders, {
  customer: 'customer',
  time: 'orderedOn',
  value: 'amount',
  observationEnd: '1997-09-30',
  unit: 'week',
});
const segments = rfmSegment(rfmScores(summary));
const bySegment = new Map<string, number>();
for (const s of segments) bySegment.set(s.segment, (bySegment.get(s.segment) ?? 0) + 1);
for (const [segment, count] of [...bySegment].sort((a, b) => b[1] - a[1])) {
  console.log(`${segment.padEnd(20)} ${String(count).padStart(5)}  ${pct(count / segments.length)}`);
}

// ---------------------------------------------------------------------------------------------
heading('Who will buy again: BG/NBD + Gamma-Gamma, fitted on the calibration period');
const bgNbd = fitBgNbd(summary);
const { r, alpha, a, b } = bgNbd.params;
console.log(
  `BG/NBD  r ${fmt(r, 3)}  α ${fmt(alpha, 3)}  a ${fmt(a, 3)}  b ${fmt(b, 3)}  log-likelihood ${fmt(bgNbd.logLikelihood, 2)}  converged ${bgNbd.converged}`,
);
const repeatBuyers = summary.filter((c) => c.frequency > 0);
const gammaGamma = fitGammaGamma(repeatBuyers);
const { p, q, v } = gammaGamma.params;
console.log(`Gamma-Gamma  p ${fmt(p)}  q ${fmt(q)}  v ${fmt(v)}`);

const transaction = { model: 'bgNbd', params: bgNbd.params } as const;
const scored = summary.map((customer) => ({
  customer: customer.customer,
  frequency: customer.frequency,
  probabilityAlive: bgNbdProbabilityAlive(bgNbd.params, customer),
  nextYear: bgNbdConditionalExpectedPurchases(bgNbd.params, 52, customer),
  clv: modelClv(transaction, gammaGamma.params, customer, {
    horizon: 12,
    horizonUnit: 'month',
    modelUnit: 'week',
    discountRate: 0.01,
  }),
}));
scored.sort((x, y) => y.clv - x.clv);
console.log('\nTop 5 customers by expected value over the next 12 months (1 % monthly discount):');
console.log('customer  repeat  P(alive)  purchases next 52 wk  12-month CLV');
for (const c of scored.slice(0, 5)) {
  console.log(
    `${String(c.customer).padEnd(8)}  ${String(c.frequency).padStart(6)}  ${pct(c.probabilityAlive).padStart(8)}  ${fmt(c.nextYear).padStart(20)}  ${money(c.clv).padStart(12)}`,
  );
}
const atRisk = scored.filter((c) => c.frequency >= 2 && c.probabilityAlive < 0.3).length;
console.log(`\nRepeat buyers (2+ repeats) with P(alive) below 30 %: ${atRisk} — worth a win-back campaign.`);
