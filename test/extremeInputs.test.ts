import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.ts';
import { renderTable } from '../src/cli/format.ts';
import { thrown } from './helpers/expectClose.ts';

// Issue 16, item 10: overflow and crashes on valid but extreme input.

/**
 * A strict XML 1.0 well-formedness check of the subset the SVG writers emit: every character is an XML Char
 * (no U+0000–U+001F but tab, newline, return; no lone surrogates; no U+FFFE/U+FFFF), every `&` starts an
 * entity, no `<` in text or attribute values, and the elements nest and close.
 */
function expectWellFormedXml(xml: string): void {
  const bad =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  expect(bad.exec(xml), 'a character XML does not allow').toBeNull();
  expect(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.exec(xml), 'a bare &').toBeNull();
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
  let m: RegExpExecArray | null = token.exec(xml);
  let last = 0;
  while (m !== null) {
    expect(xml.slice(last, m.index)).not.toMatch(/[<>]/);
    expect(m[0], `malformed markup at ${m.index}`).not.toMatch(/^[<>]$/);
    const [, close, name, , selfClose] = m as unknown as [string, string, string, string, string];
    if (close) expect(stack.pop(), `</${name}> closes`).toBe(name);
    else if (!selfClose) stack.push(name);
    last = token.lastIndex;
    m = token.exec(xml);
  }
  expect(stack).toEqual([]);
}

const matrixOf = (labels: readonly string[]) => ({
  period: 'month',
  cohorts: labels.map((label) => ({ label, size: 2, rates: [1, 0.5], complete: [true, true] })),
  average: [1, 0.5],
});

describe('charts at scale and with hostile labels', () => {
  it('cohortHeatmapSvg and retentionCurveSvg draw 150,000 cohorts (Math.max(...) overflowed the stack)', () => {
    // one column per cohort keeps the 150,000-row drawing to a few seconds
    const m = {
      period: 'month',
      cohorts: Array.from({ length: 150_000 }, (_, i) => ({ label: `c${i}`, size: 1, rates: [1], complete: [true] })),
      average: [1],
    };
    const heat = lib.cohortHeatmapSvg(m as never);
    expect(heat.startsWith('<svg')).toBe(true);
    expect(heat).toContain('150000 cohorts');
    expect(lib.retentionCurveSvg(m as never).startsWith('<svg')).toBe(true);
  }, 30_000);

  it('writes well-formed XML for labels with U+0000, lone surrogates and markup', () => {
    const labels = ['a\u0000b', 'x\ud800y', 'z\udc00', '<&>"\'', '🎉 ok', '\u0007bell\uffff'];
    const m = matrixOf(labels);
    for (const svg of [
      lib.cohortHeatmapSvg(m as never, { title: 'T\u0000\ud83d' }),
      lib.retentionCurveSvg(m as never, { title: 'T\u0000\ud83d' }),
    ]) {
      expectWellFormedXml(svg);
      expect(svg).toContain('a\ufffdb');
      expect(svg).toContain('🎉 ok'); // a well-formed pair is kept
      expect(svg).toContain('&lt;&amp;&gt;&quot;&#39;');
    }
  });

  it('the strict check itself rejects what the old output held', () => {
    expect(() => expectWellFormedXml('<svg><text>a\u0000</text></svg>')).toThrow();
    expect(() => expectWellFormedXml('<svg><text>\ud800</text></svg>')).toThrow();
    expect(() => expectWellFormedXml('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => expectWellFormedXml('<svg><g></svg>')).toThrow();
    expectWellFormedXml('<svg a="1"><g><title>x &amp; y</title></g><rect/></svg>');
  });
});

describe('the CLI table with 200,000 customers', () => {
  it('renders (the column widths spread 200,000 cells into Math.max)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`customer-${i}`, String(i % 7)]);
    const text = renderTable(['customer', 'frequency'], rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(200_003);
    // the first column is as wide as its widest cell, 'customer-199999' (15); numbers right-aligned under 'frequency'
    expect(lines[2]).toBe(`${'customer-0'.padEnd(15)}  ${'0'.padStart(9)}`);
    expect(lines[200_001]).toBe(`customer-199999  ${'2'.padStart(9)}`);
  });
});

describe('historicalClv overflow rule', () => {
  it('is Infinity when the total exceeds the double range, finite when only a partial sum does', () => {
    expect(lib.historicalClv([1e308, 1e308])).toBe(Number.POSITIVE_INFINITY);
    expect(lib.historicalClv([-1e308, -1e308])).toBe(Number.NEGATIVE_INFINITY);
    expect(lib.historicalClv([1e308, 1e308], { margin: 0.25 })).toBe(5e307);
    expect(lib.historicalClv([1e308, 1e308, -1e308])).toBe(1e308);
    // exact arithmetic (BigInt of the doubles): 1.7e308 + 1.7e308 − 1.7e308 + 1 is 1.7e308 to the last bit
    expect(lib.historicalClv([1.7e308, 1.7e308, -1.7e308, 1])).toBe(1.7e308);
    const by = lib.historicalClvByCustomer(
      [
        { c: 'a', v: 1e308 },
        { c: 'a', v: 1e308 },
        { c: 'b', v: 1e308 },
        { c: 'b', v: 1e308 },
        { c: 'b', v: -1e308 },
      ],
      { customer: 'c', value: 'v' },
    );
    expect(by.map((r) => r.clv)).toEqual([Number.POSITIVE_INFINITY, 1e308]);
  });
});

describe('a huge claimed length is refused before anything is allocated', () => {
  const huge = { length: 2 ** 32 - 1 };
  const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it('as t (one TypeError naming t[0], not "Array buffer allocation failed")', () => {
    for (const call of [
      () => lib.bgNbdExpectedPurchases(bgNbd, huge as never),
      () => lib.mbgNbdExpectedPurchases(bgNbd, huge as never),
      () => lib.sbgSurvival({ alpha: 1, beta: 1 }, huge as never),
    ]) {
      const error = thrown(call);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/t\[0\] must be a number, got undefined$/);
    }
  });

  it('as customer columns', () => {
    const error = thrown(() => lib.bgNbdProbabilityAlive(bgNbd, { frequency: huge, recency: huge, T: huge } as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('bgNbdProbabilityAlive: row 0: frequency must be a number, got undefined');
    const bb = thrown(() => lib.fitBgBb({ frequency: huge, recency: huge, opportunities: huge } as never));
    expect(bb).toBeInstanceOf(TypeError);
  });
});

describe('inputs that used to be accepted and gave NaN', () => {
  it('a CohortIndex with an empty cohort is a RangeError', () => {
    const index = lib.buildCohorts(
      [
        { user: 'a', at: '2024-01-03' },
        { user: 'b', at: '2024-02-05' },
      ],
      { customer: 'user', time: 'at', period: 'month' },
    );
    const empty = { ...index, cohorts: [...index.cohorts, { ...index.cohorts[1], label: '2024-03-01', size: 0 }] };
    const error = thrown(() => lib.cohortRetention(empty as never));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe('cohortRetention: index.cohorts[2].size (0) must be at least 1: a cohort has customers');
    expect(lib.cohortRetention(index).cohorts).toHaveLength(2);
  });

  it('a logCovariance that is not positive definite (or not symmetric) is a RangeError', () => {
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const notPd = [
      [1, 2, 0, 0],
      [2, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ];
    const error = thrown(() =>
      lib.probabilityAliveInterval({ model: 'bgNbd', params: bgNbd(), logCovariance: notPd }, customer, { draws: 10 }),
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      'probabilityAliveInterval: transaction.logCovariance must be positive definite (a covariance matrix); pass null when the fit has none',
    );
    const asymmetric = notPd.map((row, i) => row.map((_v, j) => (i === j ? 1 : i > j ? 0.1 : 0)));
    expect(() =>
      lib.probabilityAliveInterval({ model: 'bgNbd', params: bgNbd(), logCovariance: asymmetric }, customer),
    ).toThrow(/must be symmetric/);
    // null still means "no covariance": NaN bounds, as documented
    const none = lib.probabilityAliveInterval({ model: 'bgNbd', params: bgNbd(), logCovariance: null }, customer);
    expect(none.lower).toBeNaN();
    // a fit's own covariance is accepted
    const fit = lib.fitBgNbd([
      { frequency: 0, recency: 0, T: 40 },
      { frequency: 1, recency: 20, T: 38 },
      { frequency: 2, recency: 30, T: 39 },
      { frequency: 5, recency: 35, T: 40 },
      { frequency: 3, recency: 10, T: 36 },
      { frequency: 0, recency: 0, T: 30 },
    ]);
    if (fit.logCovariance !== null)
      expect(() => lib.probabilityAliveInterval(fit, customer, { draws: 10 })).not.toThrow();
  });
});

function bgNbd() {
  return { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
}
