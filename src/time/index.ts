export * from './parseTimestamp.ts';
export * from './calendarPeriod.ts';
