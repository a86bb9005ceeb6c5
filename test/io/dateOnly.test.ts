import { DateDay, Table, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowLogColumns, parseCsvLog, parseNdjsonLog, readCsvLog } from 'loyalty-metrics';

// Issue #16 item 5: the readers say whether a log is date-only, so a caller (the CLI) can take its latest date as
// a whole day without guessing from all-midnight instants.
const names = { customer: 'id', time: 'at' } as const;

describe('dateOnly of the readers', () => {
  it('CSV: true for extended and basic dates, false once one row has a time of day (midnight too) or an epoch', () => {
    expect(parseCsvLog('id,at\na,2024-01-01\nb,2024-01-02\n', names).dateOnly).toBe(true);
    expect(parseCsvLog('id,at\na,19970101\nb,19970102\n', names).dateOnly).toBe(true);
    expect(parseCsvLog('id,at\na,2024-01-01\nb,2024-01-02T00:00\n', names).dateOnly).toBe(false);
    expect(parseCsvLog('id,at\na,2024-01-01T00:00:00Z\n', names).dateOnly).toBe(false);
    // 8 digits are epoch milliseconds with epoch set, not a basic date
    expect(parseCsvLog('id,at\na,19970101\n', { ...names, epoch: 'milliseconds' }).dateOnly).toBe(false);
    expect(parseCsvLog('id,at\na,2024-01-01\n', { ...names, epoch: 'milliseconds' }).dateOnly).toBe(true);
    // no rows: nothing to say
    expect(parseCsvLog('id,at\n', names).dateOnly).toBe(false);
  });

  it('CSV: quoted cells (the slow path) and streamed chunks agree with the fast path', async () => {
    expect(parseCsvLog('id,at\n"a","2024-01-01"\n"b",2024-01-02\n', names).dateOnly).toBe(true);
    expect(parseCsvLog('id,at\n"a","2024-01-01 10:00"\n', names).dateOnly).toBe(false);
    const rows = Array.from({ length: 5000 }, (_, i) => `c${i % 97},2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const csv = `id,at\n${rows.join('\n')}\n`;
    async function* chunks() {
      for (let i = 0; i < csv.length; i += 777) yield csv.slice(i, i + 777);
    }
    expect((await readCsvLog(chunks(), names)).dateOnly).toBe(true);
    const withTime = `${csv}x,2024-01-05T08:00\n`;
    expect(parseCsvLog(withTime, names).dateOnly).toBe(false);
  });

  it('CSV: a skipped bad row does not count, a kept one does', () => {
    const skip = { ...names, value: 'v', onBadRow: 'skip' } as const;
    // the second row's time is a date-time but its value is bad: it is skipped, the log stays date-only
    const log = parseCsvLog('id,at,v\na,2024-01-01,1\nb,2024-01-02T10:00,x\n', skip);
    expect(log.skippedRows).toBe(1);
    expect(log.dateOnly).toBe(true);
    expect(parseCsvLog('id,at,v\na,2024-01-01,1\nb,2024-01-02T10:00,2\n', skip).dateOnly).toBe(false);
  });

  it('NDJSON: date strings yes; JSON numbers, date-times and digit strings (epoch ms) no', () => {
    const line = (at: unknown) => JSON.stringify({ id: 'a', at });
    expect(parseNdjsonLog(`${line('2024-01-01')}\n${line('20240102')}\n`, names).dateOnly).toBe(true);
    expect(parseNdjsonLog(`${line('2024-01-01')}\n${line(Date.UTC(2024, 0, 2))}\n`, names).dateOnly).toBe(false);
    expect(parseNdjsonLog(`${line('2024-01-01T00:00Z')}\n`, names).dateOnly).toBe(false);
  });

  it('Arrow: a date column or date strings yes; timestamps and numbers no', () => {
    const days = new Table({
      id: vectorFromArray(['a', 'b']),
      at: vectorFromArray([new Date(0), new Date(86_400_000)], new DateDay()),
    });
    expect(arrowLogColumns(days, names).dateOnly).toBe(true);
    expect(arrowLogColumns(tableFromArrays({ id: ['a'], at: ['2024-01-01'] }), names).dateOnly).toBe(true);
    expect(arrowLogColumns(tableFromArrays({ id: ['a'], at: ['2024-01-01T00:00Z'] }), names).dateOnly).toBe(false);
    expect(arrowLogColumns(tableFromArrays({ id: ['a'], at: Float64Array.of(0) }), names).dateOnly).toBe(false);
  });
});
