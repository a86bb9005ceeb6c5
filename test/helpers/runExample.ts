import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { expect } from 'vitest';
import * as lib from '../../src/index.ts';
import { exampleToScript, matchExpected } from './examples.ts';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<void>;

/** A fenced ```ts block of a Markdown file. */
export interface MarkdownBlock {
  readonly line: number;
  readonly code: string;
}

/** The ```ts / ```typescript blocks of a Markdown text, also when indented inside a list item. */
export function typescriptBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.split('\n');
  const blocks: MarkdownBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? '')) j++;
    blocks.push({
      line: start,
      code: lines
        .slice(start, j)
        .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
        .join('\n'),
    });
    i = j;
  }
  return blocks;
}

/**
 * Runs a documentation example against the library (its `import … from 'loyalty-metrics'` lines bound
 * to the source; relative imports resolved against `file`, the example's own source file) and checks
 * every `// => value` / `// => throws Kind: message` comment.
 * Returns the number of checks the code states.
 */
export async function runExample(code: string, where: string, file?: string): Promise<number> {
  const { script, checks } = exampleToScript(code);
  const js = (await transform(script, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
  let ran = 0;
  const check = (actual: unknown, expected: unknown, source: string, at: string) => {
    ran++;
    const mismatch = matchExpected(actual, expected, source);
    if (mismatch) expect.fail(`${where}, ${at}: ${mismatch}`);
  };
  const checkThrows = (thunk: () => unknown, kind: string, message: string, at: string) => {
    ran++;
    let error: unknown;
    try {
      thunk();
    } catch (e) {
      error = e;
    }
    expect(error, `${where}, ${at} should throw`).toBeInstanceOf(Error);
    expect((error as Error).name, at).toBe(kind);
    if (message) expect((error as Error).message, at).toBe(message);
  };
  const importRelative = (path: string): Promise<unknown> => {
    if (file === undefined) throw new Error(`${where}: relative import ${path} needs the example's file`);
    return import(/* @vite-ignore */ new URL(path, pathToFileURL(file)).href);
  };
  await new AsyncFunction('__lib', '__check', '__checkThrows', '__import', js)(lib, check, checkThrows, importRelative);
  expect(ran, `${where}: every // => check ran`).toBe(checks);
  return checks;
}
