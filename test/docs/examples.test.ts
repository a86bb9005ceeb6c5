import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.ts';
import { collectExamples, exampleToScript, matchExpected } from '../helpers/examples.ts';

// Every `@example` in src/ runs here, so the documentation cannot drift from the code.
const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = collectExamples(root, `${root}src`);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

describe('doc examples', () => {
  it('finds examples in src/', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} (${example.name}) returns what its // => comments say`, async () => {
      const { script, checks } = exampleToScript(example.code);
      expect(checks, 'an @example must state at least one result with // =>').toBeGreaterThan(0);
      const js = (await transform(script, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
      let ran = 0;
      const check = (actual: unknown, expected: unknown, source: string, where: string) => {
        ran++;
        const mismatch = matchExpected(actual, expected, source);
        if (mismatch) expect.fail(`${example.file} example, ${where}: ${mismatch}`);
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
});

describe('every exported function has an executed example', () => {
  const documented = new Set(examples.map((e) => e.name));
  for (const [name, value] of Object.entries(lib)) {
    if (typeof value !== 'function') continue;
    it(`${name} has an @example`, () => {
      expect(documented.has(name)).toBe(true);
    });
  }
});
