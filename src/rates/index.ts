export * from './retentionRate.ts';
