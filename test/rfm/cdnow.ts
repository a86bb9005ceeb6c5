import { readFileSync } from 'node:fs';

// Loaders for the CDNOW fixtures (provenance in test/fixtures/README.md).

/** One CDNOW transaction: sample customer id (1..2357), ISO date, dollar value. */
export interface CdnowTransaction {
  readonly customer: number;
  readonly date: string;
  readonly value: number;
}

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** `CDNOW_sample.txt`: master_id, sample_id, YYYYMMDD, CDs, dollars (whitespace separated, no header). */
export function cdnowTransactions(): CdnowTransaction[] {
  return fixture('CDNOW_sample.txt')
    .trim()
    .split('\n')
    .map((line) => {
      const [, id, d, , value] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return { customer: Number(id), date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, value: Number(value) };
    });
}

let master: CdnowTransaction[] | undefined;

/**
 * `CDNOW_master.txt`: the full log, 69,659 orders of 23,570 customers (header line; customer_id, YYYYMMDD, CDs,
 * dollars, whitespace separated). Read once per test file.
 */
export function cdnowMasterTransactions(): CdnowTransaction[] {
  if (master === undefined)
    master = fixture('CDNOW_master.txt')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [id, d, , value] = line.trim().split(/\s+/) as [string, string, string, string];
        return {
          customer: Number(id),
          date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
          value: Number(value),
        };
      });
  return master;
}

/** A CSV fixture with a header row, as arrays of numbers. */
export function numericCsv(name: string): number[][] {
  return fixture(name)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
}
