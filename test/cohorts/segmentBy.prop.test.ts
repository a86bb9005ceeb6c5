import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentBy } from '../../src/index.ts';

describe('segmentBy properties', () => {
  it('partitions the rows: every row in exactly the segment of its key, segments distinct', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.nat(),
            k: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: -2, max: 2 }), fc.boolean()),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const result = segmentBy(rows, 'k', (part, segment) => {
            for (const r of part) expect(Object.is(r.k, -0) ? 0 : r.k).toBe(segment);
            return part.length;
          });
          expect(result.reduce((s, x) => s + x.result, 0)).toBe(rows.length);
          expect(new Set(result.map((x) => x.segment)).size).toBe(result.length);
        },
      ),
    );
  });
});
