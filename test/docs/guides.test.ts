import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample, typescriptBlocks, type MarkdownBlock } from '../helpers/runExample.ts';

// Every ```ts block of docs/guides/*.md runs here, with the same `// => value` checks as the doc examples.
const root = fileURLToPath(new URL('../..', import.meta.url));
const guidesDir = `${root}docs/guides`;

function blocksOf(file: string): MarkdownBlock[] {
  return typescriptBlocks(readFileSync(`${guidesDir}/${file}`, 'utf8'));
}

const files = readdirSync(guidesDir)
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('guides', () => {
  it('has the guides the docs site links to', () => {
    expect(files).toEqual([
      'choosing-a-retention-definition.md',
      'clv-with-models.md',
      'error-policy.md',
      'from-a-data-warehouse.md',
      'getting-started.md',
      'validating-a-model.md',
    ]);
  });

  for (const file of files) {
    const blocks = blocksOf(file);
    it(`${file} has a title front matter and executable examples`, () => {
      expect(readFileSync(`${guidesDir}/${file}`, 'utf8')).toMatch(/^---\ntitle: .+\n---\n/);
      expect(blocks.length).toBeGreaterThan(0);
    });

    for (const block of blocks) {
      it(`${file}:${block.line} runs and returns what its // => comments say`, async () => {
        await runExample(block.code, `${file}:${block.line}`, `${guidesDir}/${file}`);
      });
    }
  }
});
