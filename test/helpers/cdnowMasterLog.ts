import { readFileSync } from 'node:fs';

// test/fixtures/CDNOW_master.txt: the full CDNOW log, copied unchanged from ../shared/data (Python `lifetimes`
// package, lifetimes/datasets/, MIT; sha256 eff6889e…): a header line, then customer_id, date YYYYMMDD,
// number_of_cds, dollar_value, whitespace separated; 69,659 orders of 23,570 customers, 1997-01-01 … 1998-06-30.

/** The log as columns, the dates as they are in the file (ISO 8601 basic format, `19970101`). */
export interface CdnowMasterLog {
  readonly customer: string[];
  readonly time: string[];
  readonly value: number[];
}

let cached: CdnowMasterLog | undefined;

/** Reads CDNOW_master.txt once per test file, splitting its whitespace-separated lines independently of the library. */
export function cdnowMasterLog(): CdnowMasterLog {
  if (cached !== undefined) return cached;
  const customer: string[] = [];
  const time: string[] = [];
  const value: number[] = [];
  const lines = readFileSync(new URL('../fixtures/CDNOW_master.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  for (const line of lines.slice(1)) {
    const [id, day, , dollars] = line.trim().split(/\s+/) as [string, string, string, string];
    customer.push(id);
    time.push(day);
    value.push(Number(dollars));
  }
  cached = { customer, time, value };
  return cached;
}
