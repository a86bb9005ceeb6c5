/**
 * Readers of the files people have: CSV and NDJSON event logs (from a string, bytes or a stream) and Arrow-style
 * tables, into the columnar input of the cohort and RFM functions.
 * @module
 */
export * from './arrowLogColumns.ts';
export * from './parseCsvLog.ts';
export * from './parseNdjsonLog.ts';
export * from './readCsvLog.ts';
export * from './readNdjsonLog.ts';
export type * from './types.ts';
