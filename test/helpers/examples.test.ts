import { describe, expect, it } from 'vitest';
import { exampleToScript, matchExpected } from './examples.ts';

// The doc-example runner is itself tested, so a broken matcher cannot wave every example through.
describe('matchExpected', () => {
  it('matches numbers to the printed precision', () => {
    expect(matchExpected(24.7036, 24.7, '24.70')).toBeUndefined();
    expect(matchExpected(24.71, 24.7, '24.70')).toMatch(/expected 24.7/);
    expect(matchExpected(1.0786931e-7, 1.07869e-7, '1.07869e-07')).toBeUndefined();
    expect(matchExpected(1.0788e-7, 1.07869e-7, '1.07869e-07')).toBeDefined();
  });

  it('requires integers to match closely', () => {
    expect(matchExpected(30.000000000000004, 30, '30')).toBeUndefined();
    expect(matchExpected(30.2, 30, '30')).toBeDefined();
  });

  it('walks arrays and objects, matching only the keys written', () => {
    expect(
      matchExpected({ a: [1.04, -2], b: 'x', c: 7 }, { a: [1.0, -2], b: 'x' }, "{ a: [1.0, -2], b: 'x' }"),
    ).toBeUndefined();
    expect(matchExpected({ a: [1.2, -2] }, { a: [1.0, -2] }, '{ a: [1.0, -2] }')).toMatch(/value.a\[0\]/);
    expect(matchExpected([1, 2], [1, 2, 3], '[1, 2, 3]')).toMatch(/length/);
    expect(matchExpected(Number.NaN, Number.NaN, 'NaN')).toBeUndefined();
    expect(matchExpected(0, Number.NaN, 'NaN')).toBeDefined();
    expect(matchExpected(null, null, 'null')).toBeUndefined();
  });
});

describe('exampleToScript', () => {
  it('turns imports into destructuring and // => comments into checks', () => {
    const { script, checks } = exampleToScript(
      "import { f } from 'loyalty-metrics';\nf(1); // => 2\nf(-1); // => throws RangeError",
    );
    expect(checks).toBe(2);
    expect(script).toContain('const { f } = __lib;');
    expect(script).toContain('__check(f(1), (2)');
    expect(script).toContain('__checkThrows(() => (f(-1)), "RangeError"');
  });
});
