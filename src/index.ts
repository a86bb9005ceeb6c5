/**
 * loyalty-metrics: customer retention and loyalty metrics as typed pure functions.
 *
 * Every export is a pure function over plain data; see the README and the guides.
 * @module
 */
export * from './rates/index.ts';
export * from './survey/index.ts';
export * from './value/index.ts';
export * from './time/index.ts';
export * from './cohorts/index.ts';
export * from './rfm/index.ts';
export * from './models/index.ts';
export * from './survival/index.ts';
export * from './compare/index.ts';
export * from './charts/index.ts';
export * from './diagnostics/index.ts';
export * from './sql/index.ts';
export * from './io/index.ts';
// Types shared by several areas' options.
export * from './types.ts';
