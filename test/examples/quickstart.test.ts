import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../package/build.ts';

// `npm run demo` is one of the README's two commands: this keeps it true.
describe('examples/quickstart.ts (npm run demo)', () => {
  const out = execFileSync(
    join(root, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.test.json', 'examples/quickstart.ts'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );

  it('reports the CDNOW sample as published (2,357 customers, 6,919 orders)', () => {
    expect(out).toMatch(/customers\s+2357\n/);
    expect(out).toMatch(/orders\s+6919\n/);
  });

  it('counts purchases as customer-days, as rfmSummary and BTYD do (issue #16)', () => {
    // Counted independently from test/fixtures/CDNOW_sample.txt (Python, distinct (sample_id, date) pairs):
    // 6,696 purchase days; 1,139 of 2,357 customers (48.3 %) bought on two or more days; $244,091.94 / 6,696.
    expect(out).toMatch(/purchases \(days\)\s+6696\n/);
    expect(out).toMatch(/repeat purchase rate\s+48\.3 %\n/);
    expect(out).toMatch(/average order value\s+\$36\.45\n/);
  });

  it('fits BG/NBD to the published CDNOW parameters (Fader, Hardie & Lee 2005: r 0.243, α 4.414, a 0.793, b 2.426)', () => {
    expect(out).toContain('BG/NBD  r 0.243  α 4.414  a 0.793  b 2.426');
    expect(out).toContain('converged true');
  });

  it('prints every section with numbers, never NaN or undefined', () => {
    for (const title of [
      'Orders at a glance',
      'Net Promoter Score',
      'Monthly retention',
      'RFM segments',
      'Who will buy again',
    ]) {
      expect(out).toContain(title);
    }
    expect(out).not.toMatch(/NaN|undefined/);
  });
});
