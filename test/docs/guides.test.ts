import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.ts';
import { exampleToScript, matchExpected } from '../helpers/examples.ts';

// Every ```ts block of docs/guides/*.md runs here, with the same `// => value` checks as the doc examples.
const root = fileURLToPath(new URL('../..', import.meta.url));
const guidesDir = `${root}docs/guides`;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

interface Block {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(`${guidesDir}/${file}`, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j] ?? '')) j++;
    blocks.push({ file, line: start, code: lines.slice(start, j).join('\n') });
    i = j;
  }
  return blocks;
}

const files = readdirSync(guidesDir).filter((f) => f.endsWith('.md')).sort();

describe('guides', () => {
  it('has the guides the docs site links to', () => {
    expect(files).toEqual(['choosing-a-retention-definition.md', 'clv-with-models.md', 'error-policy.md', 'from-a-data-warehouse.md', 'getting-started.md']);
  });

  for (const file of files) {
    const blocks = blocksOf(file);
    it(`${file} has a title front matter and executable examples`, () => {
      expect(readFileSync(`${guidesDir}/${file}`, 'utf8')).toMatch(/^---\ntitle: .+\n---\n/);
      expect(blocks.length).toBeGreaterThan(0);
    });

    for (const block of blocks) {
      it(`${file}:${block.line} runs and returns what its // => comments say`, async () => {
        const { script, checks } = exampleToScript(block.code);
        const js = (await transform(script, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
        let ran = 0;
        const check = (actual: unknown, expected: unknown, source: string, where: string) => {
          ran++;
          const mismatch = matchExpected(actual, expected, source);
          if (mismatch) expect.fail(`${file}:${block.line}, ${where}: ${mismatch}`);
        };
        const checkThrows = (thunk: () => unknown, kind: string, message: string, where: string) => {
          ran++;
          let error: unknown;
          try {
            thunk();
          } catch (e) {
            error = e;
          }
          expect(error, `${where} should throw`).toBeInstanceOf(Error);
          expect((error as Error).name, where).toBe(kind);
          if (message) expect((error as Error).message, where).toBe(message);
        };
        await new AsyncFunction('__lib', '__check', '__checkThrows', js)(lib, check, checkThrows);
        expect(ran).toBe(checks);
      });
    }
  }
});
