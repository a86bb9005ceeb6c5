import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Loaders for the CDNOW fixtures (test/fixtures/README.md gives their provenance: Fader, Hardie & Lee
// 2005, as redistributed by the Python `lifetimes` package).
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

function csv(name: string): number[][] {
  return readFileSync(`${fixtures}${name}`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** cdnow_customers_summary.csv as columns (ID, frequency, recency, T in weeks). */
export function cdnowSummary(): { id: number[]; frequency: number[]; recency: number[]; T: number[] } {
  const rows = csv('cdnow_customers_summary.csv');
  return {
    id: rows.map((r) => r[0] as number),
    frequency: rows.map((r) => r[1] as number),
    recency: rows.map((r) => r[2] as number),
    T: rows.map((r) => r[3] as number),
  };
}

/** cdnow_customers_summary_with_transactions.csv as rows { id, frequency, recency, T, monetaryValue }. */
export function cdnowWithSpend(): {
  id: number;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}[] {
  return csv('cdnow_customers_summary_with_transactions.csv').map((r) => ({
    id: r[0] as number,
    frequency: r[1] as number,
    recency: r[2] as number,
    T: r[3] as number,
    monetaryValue: r[4] as number,
  }));
}

/** sbg_fader_hardie_2007_survival.csv: survivors per year, Regular and High End. */
export function sbgSurvivors(): { regular: number[]; highEnd: number[] } {
  const rows = csv('sbg_fader_hardie_2007_survival.csv');
  return { regular: rows.map((r) => r[1] as number), highEnd: rows.map((r) => r[2] as number) };
}
