import { writeFileSync } from 'node:fs';
import {
  calibrationHoldoutSplit,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  holdoutComparison,
  holdoutScorecard,
  modelSummary,
  periodTransactions,
  type CalibrationHoldoutRow,
  type CalibrationHoldoutSplitOptions,
  type DiagnosticTransactionModel,
} from '../../index.ts';
import { DURATION_UNITS } from '../../internal/time/periodKinds.ts';
import type { Command, CommandOutput } from '../command.ts';
import { CALENDAR_FLAGS, EPOCH_FLAG, numberFlag, requiredFlag, stringFlag, UsageError } from '../command.ts';
import { readCommandLog } from '../columns.ts';
import { csvNumber, formatNumber, renderCsv, renderTable } from '../format.ts';

/** Model names of `--models`, and their fits. */
const FITS = {
  bgnbd: fitBgNbd,
  paretonbd: fitParetoNbd,
  mbgnbd: fitMbgNbd,
} as const;

/** What `--save-fit` writes and `score --fit` reads: a fit result plus its time unit and customer count. */
export interface SavedFit {
  readonly model: DiagnosticTransactionModel['model'];
  readonly params: Readonly<Record<string, number>>;
  readonly logCovariance?: readonly (readonly number[])[] | null;
  readonly logLikelihood?: number;
  /** Time unit of recency and T when fitted. */
  readonly unit: string;
  /** Customers the model was fitted on. */
  readonly customers: number;
  /** Last instant of the data it was fitted on (the calibration end). */
  readonly fittedThrough?: string;
}

/**
 * `loyalty-metrics holdout`: splits a transaction log at `--calibration-end`, fits the models on the
 * calibration part and prints the holdout scorecard (`holdoutScorecard`, with the naive baselines), the
 * holdout comparison by calibration frequency (`holdoutComparison`), the calibration fit histogram
 * (`periodTransactions`) and each model's summary (`modelSummary`).
 */
export const holdoutCommand: Command = {
  name: 'holdout',
  summary: 'is the model any good? fit on a calibration window, score on the holdout',
  runs: 'calibrationHoldoutSplit, fit*, holdoutScorecard, holdoutComparison, periodTransactions, modelSummary',
  flags: {
    customer: { type: 'string', value: '<column>', description: 'column holding the customer id', required: true },
    time: {
      type: 'string',
      value: '<column>',
      description: 'column holding the purchase time (ISO 8601 or epoch ms)',
      required: true,
    },
    'calibration-end': {
      type: 'string',
      value: '<instant>',
      description: 'last instant of the calibration window',
      required: true,
    },
    'observation-end': {
      type: 'string',
      value: '<instant>',
      description: 'end of the holdout window; default the latest purchase',
    },
    unit: {
      type: 'string',
      value: `<${DURATION_UNITS.join('|')}>`,
      description: 'time unit of the models (default week)',
      choices: DURATION_UNITS,
    },
    models: {
      type: 'string',
      value: '<list>',
      description: `comma-separated models to fit: ${Object.keys(FITS).join(', ')} (default bgnbd,paretonbd)`,
    },
    'max-frequency': {
      type: 'string',
      value: '<n>',
      description: 'frequencies from n up are pooled in the tables (default 7)',
    },
    'save-fit': {
      type: 'string',
      value: '<file>',
      description: 'write the first model\'s fit (with unit and customer count) as JSON, for "score --fit"',
    },
    ...CALENDAR_FLAGS,
    ...EPOCH_FLAG,
  },
  async execute(context): Promise<CommandOutput> {
    const { flags } = context;
    const unit = (stringFlag(flags, 'unit') ?? 'week') as NonNullable<CalibrationHoldoutSplitOptions['unit']>;
    const names = (stringFlag(flags, 'models') ?? 'bgnbd,paretonbd').split(',').map((m) => m.trim().toLowerCase());
    for (const m of names)
      if (!Object.hasOwn(FITS, m))
        throw new UsageError(`--models must list ${Object.keys(FITS).join(', ')}; got ${JSON.stringify(m)}`);
    const maxFrequency = numberFlag(flags, 'max-frequency') ?? 7;
    const calibrationEnd = requiredFlag(flags, 'calibration-end');
    const { columns, calendar } = await readCommandLog(context);
    const options: CalibrationHoldoutSplitOptions = { ...calendar, calibrationEnd, unit };
    const split: CalibrationHoldoutRow[] = calibrationHoldoutSplit(
      { customer: columns.customer, time: columns.time },
      options,
    );
    const fits = names.map((m) => FITS[m as keyof typeof FITS](split));
    const scorecard = holdoutScorecard(split, fits, { names });
    const comparisons = fits.map((fit) => holdoutComparison(split, fit, { maxFrequency }));
    const histograms = fits.map((fit) => periodTransactions(split, fit, { maxFrequency }));
    const summaries = fits.map((fit) => modelSummary(fit, split));
    const saveTo = stringFlag(flags, 'save-fit');
    const first = fits[0];
    if (saveTo !== undefined && first !== undefined) {
      const saved: SavedFit = {
        model: first.model,
        params: first.params as unknown as Record<string, number>,
        logCovariance: first.logCovariance,
        logLikelihood: first.logLikelihood,
        unit,
        customers: split.length,
        fittedThrough: calibrationEnd,
      };
      writeFileSync(saveTo, `${JSON.stringify(saved, null, 2)}\n`);
    }
    const scoreHeader = ['predictor', 'kind', 'MAE', 'RMSE', 'decile MAPE', 'Gini', 'Brier'];
    const scoreRows = scorecard.map((r) => [
      r.name,
      r.kind,
      formatNumber(r.mae, 4),
      formatNumber(r.rmse, 4),
      formatNumber(r.decileMape, 4),
      formatNumber(r.gini, 4),
      formatNumber(r.brier, 4),
    ]);
    const holdoutDuration = split[0]?.holdoutDuration ?? 0;
    return {
      json: {
        customers: split.length,
        unit,
        holdoutDuration,
        fits,
        scorecard,
        holdoutComparison: comparisons,
        periodTransactions: histograms,
        modelSummary: summaries,
      },
      table: () => {
        const parts = [
          `${split.length} customers; calibration to ${calibrationEnd}, holdout of ${formatNumber(holdoutDuration, 2)} ${unit}s\n`,
          `Holdout scorecard (per customer; lower is better except Gini)\n${renderTable(scoreHeader, scoreRows)}`,
        ];
        names.forEach((name, j) => {
          const s = summaries[j]!;
          const c = comparisons[j]!;
          const h = histograms[j]!;
          parts.push(
            `${name}: log-likelihood ${formatNumber(s.logLikelihood, 3)}, AIC ${formatNumber(s.aic, 1)}, BIC ${formatNumber(s.bic, 1)}\n` +
              renderTable(
                ['parameter', 'estimate', 'std. error', 'lower', 'upper'],
                s.parameters.map((p) => [
                  p.name,
                  formatNumber(p.estimate, 4),
                  formatNumber(p.standardError, 4),
                  formatNumber(p.lower, 4),
                  formatNumber(p.upper, 4),
                ]),
              ),
            `${name}: mean holdout purchases by calibration frequency\n` +
              renderTable(
                ['frequency', 'customers', 'actual', 'expected'],
                c.byFrequency.map((r) => [
                  `${r.frequency}${r.orMore ? '+' : ''}`,
                  String(r.customers),
                  formatNumber(r.actual, 4),
                  formatNumber(r.expected, 4),
                ]),
              ),
            `${name}: customers by calibration frequency (fit histogram)\n` +
              renderTable(
                ['frequency', 'actual', 'expected'],
                h.map((r) => [`${r.frequency}${r.orMore ? '+' : ''}`, String(r.actual), formatNumber(r.expected, 1)]),
              ),
          );
        });
        return parts.join('\n');
      },
      csv: () =>
        renderCsv(
          ['predictor', 'kind', 'mae', 'rmse', 'decile_mape', 'gini', 'brier'],
          scorecard.map((r) => [
            r.name,
            r.kind,
            csvNumber(r.mae),
            csvNumber(r.rmse),
            csvNumber(r.decileMape),
            csvNumber(r.gini),
            csvNumber(r.brier),
          ]),
        ),
    };
  },
};
