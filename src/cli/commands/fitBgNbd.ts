import { fitBgNbd, type FitBgNbdResult } from '../../index.ts';
import type { Command, CommandOutput } from '../command.ts';
import { csvNumber, formatNumber, renderCsv, renderTable } from '../format.ts';
import { summariseTransactions, TRANSACTION_FLAGS } from './rfm.ts';

/**
 * `loyalty-metrics fit-bgnbd`: the RFM summary of a transaction log (`rfmSummary`), then the BG/NBD
 * model fitted to it (`fitBgNbd`). `--format json` prints the fit result. The fit's warnings (a
 * parameter the data do not identify, …) go to stderr; the table then says "NOT converged".
 */
export const fitBgNbdCommand: Command = {
  name: 'fit-bgnbd',
  summary: 'fit the BG/NBD repeat-purchase model to a transaction log',
  runs: 'rfmSummary, then fitBgNbd',
  flags: TRANSACTION_FLAGS,
  async execute(context): Promise<CommandOutput> {
    const { flags } = context;
    const summary = await summariseTransactions(context, undefined);
    const n = summary.length;
    const fit: FitBgNbdResult = fitBgNbd(summary);
    const names = ['r', 'alpha', 'a', 'b'] as const;
    const unit = typeof flags.unit === 'string' ? flags.unit : typeof flags.period === 'string' ? flags.period : 'day';
    return {
      json: fit,
      warnings: fit.warnings,
      table: () =>
        renderTable(
          ['parameter', 'estimate', 'standard error'],
          names.map((p) => [p, formatNumber(fit.params[p], 4), formatNumber(fit.standardErrors[p], 4)]),
        ) +
        `\n${n} customers, time unit: ${unit}; log-likelihood ${formatNumber(fit.logLikelihood, 4)}, ${fit.converged ? 'converged' : 'NOT converged'} after ${fit.iterations} iterations\n`,
      csv: () =>
        renderCsv(
          ['parameter', 'estimate', 'standard_error'],
          names.map((p) => [p, csvNumber(fit.params[p]), csvNumber(fit.standardErrors[p])]),
        ),
    };
  },
};
