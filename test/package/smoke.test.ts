import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packedConsumer, root } from './build.ts';

// The packed tarball, installed into a throwaway project, loads in Node as ESM and as CJS.
let dir = '';
beforeAll(() => {
  dir = packedConsumer();
});

const check = `
const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6]);
if (nps.score !== 30 && Math.abs(nps.score - 30) > 1e-9) throw new Error('nps ' + nps.score);
if (Math.abs(retentionRate({ start: 1000, end: 1100, acquired: 200 }) - 0.9) > 1e-12) throw new Error('retention');
console.log('ok ' + Object.keys(lib).length);
`;

describe('packed package', () => {
  it('ships only dist/ and package metadata', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/loyalty-metrics/package.json'), 'utf8')) as {
      dependencies?: object;
    };
    expect(pkg.dependencies).toEqual({}); // present and empty, as the issue asks
    const listing = execFileSync('find', ['.', '-type', 'f'], {
      cwd: join(dir, 'node_modules/loyalty-metrics'),
      encoding: 'utf8',
    });
    for (const file of listing.trim().split('\n'))
      expect(file).toMatch(/^\.\/(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/);
  });

  it('imports as ESM in Node', () => {
    writeFileSync(
      join(dir, 'esm.mjs'),
      `import * as lib from 'loyalty-metrics';\nconst { netPromoterScore, retentionRate } = lib;\n${check}`,
    );
    expect(execFileSync('node', ['esm.mjs'], { cwd: dir, encoding: 'utf8' })).toMatch(/^ok \d+/);
  });

  it('requires as CJS in Node', () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const lib = require('loyalty-metrics');\nconst { netPromoterScore, retentionRate } = lib;\n${check}`,
    );
    expect(execFileSync('node', ['cjs.cjs'], { cwd: dir, encoding: 'utf8' })).toMatch(/^ok \d+/);
  });

  it('runs the command-line tool from the installed package (bin → dist/cli.js)', () => {
    const cli = join(dir, 'node_modules/loyalty-metrics/dist/cli.js');
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(execFileSync('node', [cli, '--version'], { cwd: dir, encoding: 'utf8' }).trim()).toBe(version);
    const out = execFileSync('node', [cli, 'nps', '--score', 'q', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      input: 'q\n10\n9\n9\n10\n9\n8\n7\n7\n3\n6\n',
    });
    expect((JSON.parse(out) as { score: number }).score).toBeCloseTo(30, 9);
  });

  it('exports the same names from ESM and CJS', () => {
    writeFileSync(
      join(dir, 'names.mjs'),
      `import * as lib from 'loyalty-metrics'; console.log(JSON.stringify(Object.keys(lib).sort()));`,
    );
    writeFileSync(
      join(dir, 'names.cjs'),
      `console.log(JSON.stringify(Object.keys(require('loyalty-metrics')).sort()));`,
    );
    const esm = execFileSync('node', ['names.mjs'], { cwd: dir, encoding: 'utf8' });
    const cjs = execFileSync('node', ['names.cjs'], { cwd: dir, encoding: 'utf8' });
    expect(esm).toBe(cjs);
    expect(root).toBeTruthy();
  });
});
