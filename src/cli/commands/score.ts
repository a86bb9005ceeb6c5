import { readFileSync } from 'node:fs';
import { modelClv, type RfmSummaryOptions } from '../../index.ts';
import { resolveTransactionModel, type TransactionModel } from '../../internal/models/transactionModel.ts';
import { DURATION_UNITS } from '../../internal/time/periodKinds.ts';
import type { Command, CommandOutput } from '../command.ts';
import { numberFlag, requiredFlag, stringFlag, UsageError } from '../command.ts';
import { csvNumber, formatNumber, renderCsv, renderTable } from '../format.ts';
import { InputError } from '../input.ts';
import { summariseTransactions, TRANSACTION_FLAGS } from './rfm.ts';

/** One scored customer. */
interface ScoreRow {
  readonly customer: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly probabilityAlive: number;
  readonly expectedPurchases: number;
  readonly clv?: number;
}

/**
 * Reads a saved fit (`holdout --save-fit`, or any `{ model, params, unit, customers }` JSON) and checks
 * the fields `score` relies on.
 * @example
 * ```ts
 * import { readSavedFit } from './score.ts';
 *
 * const text = JSON.stringify({ model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week', customers: 2357 });
 * readSavedFit(text, 'fit.json').unit; // => 'week'
 * readSavedFit('{"model":"bgNbd","params":{}}', 'fit.json'); // => throws InputError: fit.json: the saved fit must record its time unit ("unit": one of day, week, month, quarter, year)
 * ```
 */
export function readSavedFit(
  text: string,
  name: string,
): TransactionModel & { readonly unit: NonNullable<RfmSummaryOptions['unit']>; readonly customers: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(`${name}: the saved fit must be a JSON object with model, params, unit and customers`);
  const o = value as Record<string, unknown>;
  if (typeof o.unit !== 'string' || !(DURATION_UNITS as readonly string[]).includes(o.unit))
    throw new InputError(
      `${name}: the saved fit must record its time unit ("unit": one of ${DURATION_UNITS.join(', ')})`,
    );
  if (typeof o.customers !== 'number' || !Number.isInteger(o.customers) || o.customers < 0)
    throw new InputError(`${name}: the saved fit must record the number of customers it was fitted on ("customers")`);
  if (o.model === 'bgBb')
    throw new InputError(`${name}: score works on continuous-time models (bgNbd, paretoNbd, mbgNbd), not bgBb`);
  resolveTransactionModel('score', o, 'fit');
  return o as unknown as ReturnType<typeof readSavedFit>;
}

/**
 * `loyalty-metrics score`: per customer of a transaction log, P(alive), the expected purchases over
 * `--horizon` model units and (with `--spend`) the CLV, from a saved fit.
 */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'score customers with a saved fit: P(alive), expected purchases, CLV',
  runs: "rfmSummary, then the fit's P(alive), conditional expected purchases and modelClv",
  flags: {
    ...TRANSACTION_FLAGS,
    fit: {
      type: 'string',
      value: '<file>',
      description: 'saved fit JSON with model, params, unit and customers (holdout --save-fit)',
      required: true,
    },
    horizon: {
      type: 'string',
      value: '<n>',
      description: "future window in the fit's time unit (a positive integer)",
      required: true,
    },
    value: { type: 'string', value: '<column>', description: 'column holding the purchase value (for CLV)' },
    spend: {
      type: 'string',
      value: '<p,q,v>',
      description: 'Gamma-Gamma spend parameters; adds the CLV column (needs --value)',
    },
    'discount-rate': {
      type: 'string',
      value: '<rate>',
      description: 'discount rate per time unit of the fit, for CLV (default 0)',
    },
    margin: { type: 'string', value: '<fraction>', description: 'profit margin of CLV (default 1)' },
  },
  async execute(context): Promise<CommandOutput> {
    const { flags } = context;
    const file = requiredFlag(flags, 'fit');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read --fit ${file}: ${(error as Error).message}`);
    }
    const fit = readSavedFit(text, file);
    if (stringFlag(flags, 'unit') !== undefined && stringFlag(flags, 'unit') !== fit.unit)
      throw new UsageError(`--unit ${stringFlag(flags, 'unit')} differs from the fit's time unit (${fit.unit})`);
    const horizon = numberFlag(flags, 'horizon') as number;
    if (!Number.isInteger(horizon) || horizon < 1)
      throw new UsageError(`--horizon must be a positive integer; got ${JSON.stringify(flags.horizon)}`);
    const spendText = stringFlag(flags, 'spend');
    const valueColumn = stringFlag(flags, 'value');
    if (spendText !== undefined && valueColumn === undefined) throw new UsageError('--spend needs --value');
    let spend: { p: number; q: number; v: number } | undefined;
    if (spendText !== undefined) {
      const parts = spendText.split(',').map(Number);
      if (parts.length !== 3 || parts.some((x) => !(x > 0)))
        throw new UsageError(`--spend must be three positive numbers p,q,v; got ${JSON.stringify(spendText)}`);
      spend = { p: parts[0] as number, q: parts[1] as number, v: parts[2] as number };
    }
    const summary = await summariseTransactions({ ...context, flags: { ...flags, unit: fit.unit } }, valueColumn);
    const model = resolveTransactionModel('score', fit, 'fit');
    const clv =
      spend === undefined
        ? undefined
        : modelClv(
            fit,
            spend,
            summary.map((r) => ({ ...r, monetaryValue: r.frequency > 0 ? (r.monetaryValue ?? 0) : 0 })),
            {
              horizon,
              horizonUnit: fit.unit,
              modelUnit: fit.unit,
              discountRate: numberFlag(flags, 'discount-rate') ?? 0,
              margin: numberFlag(flags, 'margin') ?? 1,
            },
          );
    const rows: ScoreRow[] = summary.map((r, i) => {
      const row = {
        customer: String(r.customer),
        frequency: r.frequency,
        recency: r.recency,
        T: r.T,
        probabilityAlive: model.kernel.probabilityAlive(model.params, r.frequency, r.recency, r.T),
        expectedPurchases: model.kernel.conditionalExpectedPurchases(
          model.params,
          horizon,
          r.frequency,
          r.recency,
          r.T,
        ),
      };
      return clv === undefined ? row : { ...row, clv: clv[i] as number };
    });
    const header = ['customer', 'frequency', 'recency', 'T', 'probabilityAlive', 'expectedPurchases'];
    if (clv !== undefined) header.push('clv');
    const cells = (r: ScoreRow, num: (x: number) => string): string[] => {
      const out = [
        r.customer,
        num(r.frequency),
        num(r.recency),
        num(r.T),
        num(r.probabilityAlive),
        num(r.expectedPurchases),
      ];
      if (r.clv !== undefined) out.push(num(r.clv));
      return out;
    };
    return {
      json: rows,
      table: () =>
        `${renderTable(
          header,
          rows.map((r) => cells(r, (x) => formatNumber(x, 4))),
        )}\n${rows.length} customers scored with ${fit.model} (fitted on ${fit.customers} customers, unit ${fit.unit}); horizon ${horizon} ${fit.unit}s\n`,
      csv: () =>
        renderCsv(
          header,
          rows.map((r) => cells(r, csvNumber)),
        ),
      ndjson: () => rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : ''),
    };
  },
};
