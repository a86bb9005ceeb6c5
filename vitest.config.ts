import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Examples and tests import the package by name, exactly as a user would; here it resolves to the source.
const alias = [{ find: /^loyalty-metrics$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.prop.test.ts', 'test/package/**'],
          // A few unit tests run whole data sets (CDNOW fits, 2^21-row logs) in 1–3 s; the machines are shared,
          // and under load the 5 s default timed out (a timeout here is no performance assertion).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'property', include: ['test/**/*.prop.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'package', include: ['test/package/**/*.test.ts'], testTimeout: 180_000 },
      },
    ],
  },
});
