import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.ts';
import { collectExamples } from '../helpers/examples.ts';
import { runExample } from '../helpers/runExample.ts';

// Every `@example` in src/ runs here, so the documentation cannot drift from the code.
const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = collectExamples(root, `${root}src`);

describe('doc examples', () => {
  it('finds examples in src/', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} (${example.name}) returns what its // => comments say`, async () => {
      const checks = await runExample(example.code, `${example.file} example`, `${root}${example.file}`);
      expect(checks, 'an @example must state at least one result with // =>').toBeGreaterThan(0);
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
