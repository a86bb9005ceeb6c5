import { defineConfig } from 'tsup';

// Two builds, only options that tsdown accepts too:
// - the library: ESM + CJS + .d.ts from src/index.ts, platform-neutral (no Node built-ins);
// - the command-line tool: one ESM file for Node with its shebang, dist/cli.js (package.json "bin").
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    // Both builds run at once: the library build cleans dist/ but leaves the tool's output alone.
    clean: ['!cli.js', '!cli.js.map'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    clean: false,
  },
]);
