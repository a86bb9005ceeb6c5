export * from './fitGammaGamma.ts';
export * from './gammaGammaExpectedSpend.ts';
