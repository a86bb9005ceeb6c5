/**
 * CSV event logs into columns: the header names the columns, each data record gives one row (customer code,
 * epoch-ms time, optional value), read from the bytes of its fields by the {@link CsvScanner}.
 * @internal
 * @module
 */
import { CsvScanner, type CsvConsumer, type CsvSyntaxProblem } from './csvScanner.ts';
import { IdDictionary } from './idDictionary.ts';
import { LogBuilder, type ReadSettings, readTimeCell, readValueCell, shownText } from './logBuilder.ts';

/** Column names of an event log. */
export interface LogColumnNames {
  readonly customer: string;
  readonly time: string;
  readonly value?: string | undefined;
}

/** Reads a CSV event log pushed in chunks. */
export class CsvLogReader implements CsvConsumer {
  readonly builder: LogBuilder;
  readonly ids: IdDictionary = new IdDictionary();
  readonly scanner: CsvScanner;
  private readonly names: LogColumnNames;
  private readonly settings: ReadSettings;

  constructor(names: LogColumnNames, delimiter: number, settings: ReadSettings) {
    this.names = names;
    this.settings = settings;
    this.builder = new LogBuilder(names.value !== undefined);
    this.scanner = new CsvScanner(delimiter, this, 3);
  }

  header(names: string[], line: number): Int32Array {
    const slots = new Int32Array(names.length).fill(-1);
    const seen = new Map<string, number>();
    names.forEach((name, k) => {
      if (seen.has(name))
        this.settings.fail({
          problem: 'duplicateHeader',
          line,
          row: -1,
          column: name,
          value: name,
          detail: names.join('\u0000'),
        });
      seen.set(name, k);
    });
    const wanted = [this.names.customer, this.names.time, this.names.value];
    wanted.forEach((name, slot) => {
      if (name === undefined) return;
      const k = seen.get(name);
      if (k === undefined)
        this.settings.fail({
          problem: 'missingColumn',
          line,
          row: -1,
          column: name,
          value: name,
          detail: names.join('\u0000'),
        });
      slots[k] = slot;
    });
    return slots;
  }

  record(s: CsvScanner, line: number): void {
    const b = this.builder;
    const row = b.rows++;
    const settings = this.settings;
    if (s.fieldCount !== s.width) {
      this.bad({ problem: 'fieldCount', line, row, column: '', value: s.fieldCount, detail: String(s.width) });
      return;
    }
    let bytes = s.bytes(0);
    let start = s.fieldStart(0);
    let end = s.fieldEnd(0);
    if (start === end) {
      this.bad({ problem: 'customer', line, row, column: this.names.customer, value: '' });
      return;
    }
    const code = this.ids.code(bytes, start, end);
    bytes = s.bytes(1);
    start = s.fieldStart(1);
    end = s.fieldEnd(1);
    const t = readTimeCell(bytes, start, end, settings.zone, settings.timeZone, settings.epochScale);
    if (Number.isNaN(t)) {
      const value = shownText(bytes, start, end);
      this.bad({ problem: 'time', line, row, column: this.names.time, value, customer: this.ids.ids[code] as string });
      return;
    }
    let v = 0;
    if (b.value !== null) {
      bytes = s.bytes(2);
      start = s.fieldStart(2);
      end = s.fieldEnd(2);
      v = readValueCell(bytes, start, end);
      if (!(v - v === 0)) {
        const value = shownText(bytes, start, end);
        const column = this.names.value as string;
        this.bad({ problem: 'value', line, row, column, value, customer: this.ids.ids[code] as string });
        return;
      }
    }
    b.push(code, t, v);
  }

  malformed(problem: CsvSyntaxProblem, line: number, text: string): void {
    if (!this.scanner.hasHeader || problem === 'unclosedQuote') {
      this.settings.fail({ problem, line, row: -1, column: '', value: text });
    }
    this.bad({ problem, line, row: this.builder.rows++, column: '', value: text });
  }

  private bad(bad: Parameters<ReadSettings['fail']>[0]): void {
    if (!this.settings.skip) this.settings.fail(bad);
    this.builder.skipped++;
  }
}
