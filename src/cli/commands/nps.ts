import { netPromoterScoreFromCounts } from '../../index.ts';
import type { Command, CommandOutput } from '../command.ts';
import { confidenceLevelFlag, echo, numberCell, requiredFlag } from '../command.ts';
import { csvNumber, formatNumber, formatPercent, renderCsv, renderTable } from '../format.ts';
import { InputError } from '../input.ts';

/**
 * `loyalty-metrics nps`: Net Promoter Score of a column of 0–10 answers. The answers are counted as they
 * stream in and the score comes from `netPromoterScoreFromCounts`, which is identical to
 * `netPromoterScore` on the same answers.
 */
export const npsCommand: Command = {
  name: 'nps',
  summary: 'Net Promoter Score of 0–10 survey answers, with its confidence interval',
  runs: 'netPromoterScore',
  flags: {
    score: { type: 'string', value: '<column>', description: 'column holding the 0–10 answers', required: true },
    'confidence-level': {
      type: 'string',
      value: '<level>',
      description: 'confidence level of the interval (default 0.95)',
    },
  },
  async execute({ flags, read }): Promise<CommandOutput> {
    const column = requiredFlag(flags, 'score');
    const confidenceLevel = confidenceLevelFlag(flags);
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    await read([column], (values, line) => {
      const score = numberCell(values[0], column, line);
      if (!Number.isInteger(score) || score < 0 || score > 10)
        throw new InputError(`line ${line}: ${column} ${echo(values[0])} must be an integer from 0 to 10`);
      if (score >= 9) promoters++;
      else if (score >= 7) passives++;
      else detractors++;
    });
    const result = netPromoterScoreFromCounts(
      { promoters, passives, detractors },
      confidenceLevel === undefined ? {} : { confidenceLevel },
    );
    const level = `${formatNumber(100 * result.confidenceLevel, 0)} %`;
    return {
      json: result,
      table: () =>
        renderTable(
          ['measure', 'value'],
          [
            ['responses', String(result.n)],
            ['promoters (9–10)', `${result.promoters} (${formatPercent(result.promoterShare)})`],
            ['passives (7–8)', `${result.passives} (${formatPercent(result.passiveShare)})`],
            ['detractors (0–6)', `${result.detractors} (${formatPercent(result.detractorShare)})`],
            ['NPS', formatNumber(result.score, 1)],
            ['standard error', formatNumber(result.standardError, 2)],
            [
              `${level} interval`,
              `${formatNumber(result.confidenceInterval[0], 1)} to ${formatNumber(result.confidenceInterval[1], 1)}`,
            ],
          ],
        ),
      csv: () =>
        renderCsv(
          [
            'score',
            'n',
            'promoters',
            'passives',
            'detractors',
            'standard_error',
            'ci_low',
            'ci_high',
            'confidence_level',
          ],
          [
            [
              result.score,
              result.n,
              result.promoters,
              result.passives,
              result.detractors,
              result.standardError,
              result.confidenceInterval[0],
              result.confidenceInterval[1],
              result.confidenceLevel,
            ].map(csvNumber),
          ],
        ),
    };
  },
};
