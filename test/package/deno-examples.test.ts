import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './build.ts';

// The Deno notebook and the Deno example scripts are type-checked against deno.json and run here with the
// deno binary from devDependencies, offline, so they cannot rot.
const deno = join(root, 'node_modules/.bin/deno');
const offline = ['--no-remote', '--no-npm', '--no-lock'];

const denoOptions: ExecFileSyncOptionsWithStringEncoding = {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: '1' },
  timeout: 120_000,
};

// Type-check the notebook's code and every script in one `deno check` (one pass over src/), then run them unchecked.
function runDeno(
  script: string,
  cwd: string,
  args: readonly string[] = [],
  permissions: readonly string[] = [],
): string {
  return execFileSync(
    deno,
    [
      'run',
      '--no-check',
      '--no-prompt',
      ...offline,
      `--allow-read=${root}`,
      ...permissions,
      `--config=${join(root, 'deno.json')}`,
      script,
      ...args,
    ],
    { ...denoOptions, cwd },
  );
}

interface Notebook {
  readonly cells: readonly { readonly cell_type: string; readonly source: string | readonly string[] }[];
  readonly metadata: { readonly kernelspec: { readonly name: string } };
}

describe('examples/notebooks/retention.ipynb', () => {
  const notebook = JSON.parse(readFileSync(join(root, 'examples/notebooks/retention.ipynb'), 'utf8')) as Notebook;
  const code = notebook.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (typeof c.source === 'string' ? c.source : c.source.join('')));
  let script = '';

  beforeAll(() => {
    // Deno.jupyter exists only inside the kernel: outside it, displays are recorded instead.
    const prelude = [
      'const __displayed: Record<string, unknown>[] = [];',
      'function __display(bundle: Record<string, unknown>, _options?: { raw?: boolean }): void { __displayed.push(bundle); }',
    ].join('\n');
    const body = code
      .map((cell, i) => `// ---- cell ${i + 1}\n${cell.replaceAll('Deno.jupyter.display(', '__display(')}\n;`)
      .join('\n');
    const epilogue = `console.log('__DISPLAYED__' + JSON.stringify(__displayed.map((b) => ({ types: Object.keys(b), points: ((b['application/vnd.vegalite.v5+json'] as { data?: { values?: unknown[] } } | undefined)?.data?.values ?? []).length }))));`;
    script = join(mkdtempSync(join(tmpdir(), 'loyalty-metrics-notebook-')), 'retention.notebook.ts');
    writeFileSync(script, `${prelude}\n${body}\n${epilogue}\n`);
  });

  it('type-checks the notebook cells and examples/deno/*.ts with deno check under deno.json', () => {
    const scripts = readdirSync(join(root, 'examples/deno'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, 'examples/deno', f));
    // Throws, with deno's diagnostics, on any type error.
    expect(() =>
      execFileSync(deno, ['check', ...offline, `--config=${join(root, 'deno.json')}`, script, ...scripts], {
        ...denoOptions,
        cwd: root,
      }),
    ).not.toThrow();
  }, 180_000);

  it('is a Deno-kernel notebook', () => {
    expect(notebook.metadata.kernelspec.name).toBe('deno');
    expect(code.length).toBeGreaterThanOrEqual(6);
  });

  it('runs every code cell in order with deno, displaying Vega-Lite charts', () => {
    // The kernel runs with the notebook's folder as working directory.
    const out = runDeno(script, join(root, 'examples/notebooks'));
    expect(out).toContain('6919 orders of 2357 customers');
    const displayed = JSON.parse(out.split('__DISPLAYED__')[1] ?? '[]') as { types: string[]; points: number }[];
    // The cohort heatmap (3 cohorts: 18 + 17 + 16 cells) and the P(alive) matrix (21 × 39 cells).
    expect(displayed).toEqual([
      { types: ['application/vnd.vegalite.v5+json'], points: 18 + 17 + 16 },
      { types: ['application/vnd.vegalite.v5+json'], points: 21 * 39 },
    ]);
    expect(out).toMatch(/total 12-month value of the 2357 customers: \$\d+/);
  }, 180_000);
});

describe('examples/deno/*.ts', () => {
  const scripts = readdirSync(join(root, 'examples/deno')).filter((f) => f.endsWith('.ts'));

  it('has scripts', () => {
    expect(scripts).toEqual(['clv.ts', 'retention.ts']);
  });

  it('retention.ts prints the on-or-after matrix and writes an SVG', () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'loyalty-metrics-deno-')), 'heatmap.svg');
    const out = runDeno('examples/deno/retention.ts', root, [svg], [`--allow-write=${svg}`]);
    // 1997-01 cohort: 781 customers, 100% in month 0 (first-event cohort).
    expect(out).toMatch(/^1997-01-01 {3}781 100\.0%/m);
    expect(readFileSync(svg, 'utf8').startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  }, 120_000);

  it('clv.ts reproduces the published BG/NBD fit and ranks customers by value', () => {
    const out = runDeno('examples/deno/clv.ts', root);
    // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426 (data README).
    expect(out).toContain('BG/NBD r=0.243 alpha=4.414 a=0.793 b=2.426');
    expect(out.trim().split('\n').length).toBe(6);
  }, 120_000);
});
