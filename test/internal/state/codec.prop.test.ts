import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/internal/state/codec.ts';

// The states' base64 against Node's Buffer (RFC 4648, with padding) as the oracle.
describe('state codec', () => {
  it('writes what Buffer writes and reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(fromBase64(text) ?? [])).toEqual(Array.from(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what is not base64', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const strict = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text);
        const decoded = fromBase64(text);
        if (!strict) expect(decoded).toBeNull();
        else expect(Array.from(decoded ?? [-1])).toEqual(Array.from(Buffer.from(text, 'base64')));
      }),
      { numRuns: 300 },
    );
  });
});
