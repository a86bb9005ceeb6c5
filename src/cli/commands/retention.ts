import { retentionMatrix, type RetentionMatrixOptions } from '../../index.ts';
import { PERIODS } from '../../internal/time/periodKinds.ts';
import type { Command, CommandOutput } from '../command.ts';
import { CALENDAR_FLAGS, EPOCH_FLAG, echo, stringFlag, UsageError } from '../command.ts';
import { readCommandLog } from '../columns.ts';
import { csvNumber, formatPercent, renderCsv, renderTable } from '../format.ts';
import { maxOf } from '../../internal/extent.ts';

type MutableOptions = { -readonly [K in keyof RetentionMatrixOptions]: RetentionMatrixOptions[K] };

/**
 * Parses `--brackets 1-7,8-30,31-90` into `[[1, 7], [8, 30], [31, 90]]`.
 * @example
 * ```ts
 * import { parseBrackets } from './retention.ts';
 *
 * parseBrackets('1-7, 8-30,31'); // => [[1, 7], [8, 30], [31, 31]]
 * parseBrackets('7-1'); // => throws UsageError: --brackets: "7-1" ends before it starts
 * parseBrackets('1-7;8-30'); // => throws UsageError: --brackets expects ranges of periods such as 1-7,8-30; got "1-7;8-30"
 * ```
 */
export function parseBrackets(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part) ?? /^\s*(\d+)\s*$/.exec(part);
    if (m === null) throw new UsageError(`--brackets expects ranges of periods such as 1-7,8-30; got ${echo(part)}`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) throw new UsageError(`--brackets: ${echo(part.trim())} ends before it starts`);
    return [from, to];
  });
}

/**
 * `loyalty-metrics retention`: the cohort retention matrix of an event log (`retentionMatrix`), read as
 * columns (customer numbers and epoch ms) so memory grows with customers, not events.
 */
export const retentionCommand: Command = {
  name: 'retention',
  summary: 'cohort retention matrix of an event log (cohorts × periods since first event)',
  runs: 'retentionMatrix',
  flags: {
    customer: { type: 'string', value: '<column>', description: 'column holding the customer id', required: true },
    time: {
      type: 'string',
      value: '<column>',
      description: 'column holding the event time (ISO 8601, extended or basic; or epoch ms: see --epoch)',
      required: true,
    },
    period: {
      type: 'string',
      value: `<${PERIODS.join('|')}>`,
      description: 'cohort and column period (default day)',
      choices: PERIODS,
    },
    mode: {
      type: 'string',
      value: '<on|onOrAfter>',
      description: 'active in exactly period k, or in k or later (default on)',
      choices: ['on', 'onOrAfter'],
    },
    brackets: {
      type: 'string',
      value: '<from-to,...>',
      description: 'columns are brackets of periods, e.g. 1-7,8-30 (instead of --mode)',
    },
    windows: {
      type: 'string',
      value: '<calendar|rolling>',
      description: 'calendar periods, or rolling windows from each first event (default calendar)',
      choices: ['calendar', 'rolling'],
    },
    ...CALENDAR_FLAGS,
    'observation-end': {
      type: 'string',
      value: '<instant>',
      description: 'ignore later events (ISO 8601, or epoch ms); default the latest event',
    },
    ...EPOCH_FLAG,
  },
  async execute(context): Promise<CommandOutput> {
    const { flags } = context;
    const options: MutableOptions = {};
    const period = stringFlag(flags, 'period') as RetentionMatrixOptions['period'];
    if (period !== undefined) options.period = period;
    const mode = stringFlag(flags, 'mode') as RetentionMatrixOptions['mode'];
    if (mode !== undefined) options.mode = mode;
    const brackets = stringFlag(flags, 'brackets');
    if (brackets !== undefined) {
      if (mode !== undefined) throw new UsageError('--brackets and --mode cannot be combined');
      options.brackets = parseBrackets(brackets);
    }
    const windows = stringFlag(flags, 'windows') as RetentionMatrixOptions['windows'];
    if (windows !== undefined) options.windows = windows;
    const { columns, calendar } = await readCommandLog(context);
    Object.assign(options, calendar);
    const matrix = retentionMatrix({ customer: columns.customer, time: columns.time }, options);
    const width = maxOf(matrix.cohorts, (c) => c.counts.length, 0);
    const columnNames =
      matrix.brackets === null
        ? Array.from({ length: width }, (_v, k) => String(k))
        : matrix.brackets.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`));
    return {
      json: matrix,
      table: () => {
        const cell = (rate: number | undefined, complete: boolean | undefined): string =>
          rate === undefined ? '' : `${formatPercent(rate, 1).replace(' %', '')}${complete === false ? '*' : ''}`;
        const rows = matrix.cohorts.map((c) => [
          c.label,
          String(c.size),
          ...columnNames.map((_n, k) => cell(c.rates[k], c.final[k])),
        ]);
        rows.push([
          'average',
          String(matrix.cohorts.reduce((s, c) => s + c.size, 0)),
          ...columnNames.map((_n, k) => cell(matrix.average[k] ?? undefined, true)),
        ]);
        const end = matrix.observationEnd === null ? 'none' : new Date(matrix.observationEnd).toISOString();
        const what =
          matrix.mode === 'brackets'
            ? 'active in any period of the bracket'
            : matrix.mode === 'on'
              ? 'active in period k'
              : 'active in period k or later';
        return (
          renderTable(['cohort', 'size', ...columnNames], rows) +
          `\n% of each cohort ${what} (${matrix.windows} ${matrix.period}s, ${matrix.timeZone}); * = not final at ${end} (period not ended, or an on-or-after lower bound); average over final cells, weighted by size\n`
        );
      },
      csv: () =>
        renderCsv(
          ['cohort', 'cohort_start', 'size', 'column', 'customers', 'rate', 'complete', 'final'],
          matrix.cohorts.flatMap((c) =>
            c.counts.map((count, k) => [
              c.label,
              new Date(c.start).toISOString(),
              String(c.size),
              columnNames[k] ?? String(k),
              String(count),
              csvNumber(c.rates[k]),
              String(c.complete[k]),
              String(c.final[k]),
            ]),
          ),
        ),
    };
  },
};
