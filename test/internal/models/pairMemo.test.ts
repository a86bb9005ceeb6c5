import { describe, expect, it } from 'vitest';
import { pairMemo } from '../../../src/internal/models/pairMemo.ts';

// pairMemo must return exactly what f returns; it only decides how often f runs.
describe('pairMemo', () => {
  const f = (x: number, t: number) => Math.log1p(t) * (x + 0.5);

  it('computes each repeated pair once and returns f’s value bit for bit', () => {
    let calls = 0;
    const memo = pairMemo((x, t) => {
      calls++;
      return f(x, t);
    });
    for (let i = 0; i < 20_000; i++) {
      const x = i % 7;
      const t = (i % 11) / 3;
      expect(memo(x, t)).toBe(f(x, t));
    }
    expect(calls).toBe(77);
  });

  it('forwards non-integer and negative x without keeping them', () => {
    let calls = 0;
    const memo = pairMemo((x, t) => {
      calls++;
      return f(x, t);
    });
    expect([memo(1.5, 2), memo(1.5, 2), memo(-1, 2), memo(-1, 2)]).toEqual([f(1.5, 2), f(1.5, 2), f(-1, 2), f(-1, 2)]);
    expect(calls).toBe(4);
  });

  it('switches off when most pairs are new, and keeps returning f’s values', () => {
    let calls = 0;
    const memo = pairMemo((x, t) => {
      calls++;
      return f(x, t);
    });
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(memo(i % 3, 1 + i * 1e-7)).toBe(f(i % 3, 1 + i * 1e-7));
    expect(calls).toBe(n);
    // off: a pair seen before is computed again
    memo(0, 1);
    expect(calls).toBe(n + 1);
  });

  it('keeps at most 16,384 pairs and still serves the ones it kept', () => {
    let calls = 0;
    const memo = pairMemo((x, t) => {
      calls++;
      return f(x, t);
    });
    // each new pair is asked for three times in a row, so hits outnumber misses and the memo stays on
    const pairs = 20_000;
    for (let i = 0; i < pairs; i++) for (let k = 0; k < 3; k++) memo(i % 2, i);
    // the first 16,384 pairs were kept; the later ones were computed on every call
    expect(calls).toBe(16_384 + (pairs - 16_384) * 3);
    const before = calls;
    expect(memo(0, 0)).toBe(f(0, 0));
    expect(calls).toBe(before);
  });
});
