import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample, typescriptBlocks } from '../helpers/runExample.ts';

// The README's tour and error-policy blocks run here, so its outputs stay real.
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const blocks = typescriptBlocks(readme);

describe('README.md', () => {
  it('gives exactly the two commands of the house rules near the top', () => {
    const top = readme.slice(0, 1500);
    expect(top).toContain('npm ci && npm run demo');
    expect(top).toContain('npm test');
  });

  it('has executable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  for (const block of blocks) {
    it(`README.md:${block.line} runs and returns what its // => comments say`, async () => {
      const checks = await runExample(block.code, `README.md:${block.line}`);
      expect(checks).toBeGreaterThan(0);
    });
  }
});
