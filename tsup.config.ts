import { defineConfig } from 'tsup';

// ESM + CJS + .d.ts from one entry. Only options that tsdown accepts too.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
});
