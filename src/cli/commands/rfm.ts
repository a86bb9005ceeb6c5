import { rfmSummary, type RfmSummaryOptions, type RfmSummaryRow } from '../../index.ts';
import { DURATION_UNITS, PERIODS } from '../../internal/time/periodKinds.ts';
import type { Command, CommandContext, CommandOutput, FlagSpec } from '../command.ts';
import { CALENDAR_FLAGS, EPOCH_FLAG, stringFlag } from '../command.ts';
import { readCommandLog } from '../columns.ts';
import { csvNumber, csvPieces, formatNumber, renderTable } from '../format.ts';

/** Flags shared by the commands that summarise a transaction log per customer. */
export const TRANSACTION_FLAGS: Readonly<Record<string, FlagSpec>> = {
  customer: { type: 'string', value: '<column>', description: 'column holding the customer id', required: true },
  time: {
    type: 'string',
    value: '<column>',
    description: 'column holding the purchase time (ISO 8601, extended or basic; or epoch ms: see --epoch)',
    required: true,
  },
  'observation-end': {
    type: 'string',
    value: '<instant>',
    description: 'end of observation ("now"; ISO 8601, or epoch ms); default the latest purchase',
  },
  period: {
    type: 'string',
    value: `<${PERIODS.join('|')}>`,
    description: 'purchases are grouped per calendar period (default day)',
    choices: PERIODS,
  },
  unit: {
    type: 'string',
    value: `<${DURATION_UNITS.join('|')}>`,
    description: 'unit of recency and T (default: the period)',
    choices: DURATION_UNITS,
  },
  ...CALENDAR_FLAGS,
  ...EPOCH_FLAG,
};

/**
 * Reads the log and runs `rfmSummary`; customer numbers are mapped back to their ids.
 * @example
 * ```ts
 * import { summariseTransactions } from './rfm.ts';
 *
 * const csv = 'id,day,amount\na,2024-01-01,10\nb,2024-01-05,4\na,2024-01-11,30\n';
 * const context = { flags: {}, read: async () => 0, input: { format: 'csv' as const, open: async function* () { yield csv; } } };
 * // a buys again after 10 days; the monetary value averages the repeat purchases only (30).
 * const summary = await summariseTransactions({ ...context, flags: { customer: 'id', time: 'day' } }, 'amount');
 * summary; // => [{ customer: 'a', frequency: 1, recency: 10, T: 10, monetaryValue: 30 }, { customer: 'b', frequency: 0, recency: 0, T: 6 }]
 * await summariseTransactions({ ...context, flags: { customer: 'id', time: 'day', period: 'week' } }, undefined); // => [{ customer: 'a', frequency: 1, recency: 1, T: 1 }, { customer: 'b', frequency: 0, T: 1 }]
 * ```
 */
export async function summariseTransactions(
  context: CommandContext,
  valueColumn: string | undefined,
): Promise<RfmSummaryRow[]> {
  const { flags } = context;
  const options: { -readonly [K in keyof RfmSummaryOptions]: RfmSummaryOptions[K] } = {};
  const period = stringFlag(flags, 'period') as RfmSummaryOptions['period'];
  if (period !== undefined) options.period = period;
  const unit = stringFlag(flags, 'unit') as RfmSummaryOptions['unit'];
  if (unit !== undefined) options.unit = unit;
  const { columns, calendar } = await readCommandLog(context, valueColumn);
  Object.assign(options, calendar);
  const input =
    columns.value === undefined
      ? { customer: columns.customer, time: columns.time }
      : { customer: columns.customer, time: columns.time, value: columns.value };
  // The rows are the tool's own: their customer numbers are replaced by the ids in place (a copy of a
  // million rows would double the peak memory of the command).
  const rows = rfmSummary(input, options);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as { customer: string | number };
    row.customer = columns.names[row.customer as number] as string;
  }
  return rows;
}

/** `loyalty-metrics rfm`: frequency, recency, T and monetary value per customer (`rfmSummary`). */
export const rfmCommand: Command = {
  name: 'rfm',
  summary: 'RFM summary per customer: frequency, recency, T, monetary value',
  runs: 'rfmSummary',
  flags: {
    ...TRANSACTION_FLAGS,
    value: { type: 'string', value: '<column>', description: 'column holding the purchase value (for monetaryValue)' },
  },
  async execute(context): Promise<CommandOutput> {
    const summary = await summariseTransactions(context, stringFlag(context.flags, 'value'));
    const header = ['customer', 'frequency', 'recency', 'T', 'monetaryValue'];
    return {
      json: summary,
      table: () =>
        renderTable(
          header,
          summary.map((r) => [
            String(r.customer),
            String(r.frequency),
            formatNumber(r.recency, 2),
            formatNumber(r.T, 2),
            formatNumber(r.monetaryValue, 2),
          ]),
        ),
      csv: () =>
        csvPieces(header, summary.length, (i) => {
          const r = summary[i] as RfmSummaryRow;
          return [
            String(r.customer),
            csvNumber(r.frequency),
            csvNumber(r.recency),
            csvNumber(r.T),
            csvNumber(r.monetaryValue),
          ];
        }),
    };
  },
};
