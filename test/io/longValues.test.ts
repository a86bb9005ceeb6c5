import { describe, expect, it } from 'vitest';
import { parseCsvLog, parseNdjsonLog } from '../../src/index.ts';
import { thrown } from '../helpers/expectClose.ts';

// Issue 16 item 14: a 10 MB bad field is not echoed whole, by the readers or by the CLI built on them.
describe('the readers cut long values in their messages', () => {
  const huge = 'x'.repeat(10_000_000);
  const options = { customer: 'id', time: 'at' };

  it('for a bad cell, a bad line, a long header and a repeated long column name', () => {
    const cases: (() => unknown)[] = [
      () => parseCsvLog(`id,at\na,${huge}\n`, options),
      () => parseCsvLog(`id,at,v\na,2024-01-01,${huge}\n`, { ...options, value: 'v' }),
      () => parseNdjsonLog(`{"id":"a","at":"${huge}"}\n`, options),
      () => parseNdjsonLog(`${huge}\n`, options),
      () => parseCsvLog(`${huge},at\na,2024-01-01\n`, options),
      () =>
        parseCsvLog(`${Array.from({ length: 1000 }, (_, i) => `c${i}${huge.slice(0, 5000)}`).join(',')}\n`, options),
      () => parseCsvLog(`id,at,${huge},${huge}\na,2024-01-01,1,2\n`, options),
    ];
    for (const run of cases) {
      const error = thrown(run);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message.length, error.message.slice(0, 120)).toBeLessThan(2000);
    }
  });
});
