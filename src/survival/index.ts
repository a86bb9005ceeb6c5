export * from './customerLifetimes.ts';
export * from './kaplanMeier.ts';
