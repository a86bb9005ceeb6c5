import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packedTarball, root } from './build.ts';

// The packed tarball, as npm would publish it, checked by the two standard package linters.
let tarball = '';
beforeAll(() => {
  tarball = packedTarball();
});

/** Runs a tool from node_modules/.bin; returns its exit code and combined output. */
function run(tool: string, args: readonly string[]): { code: number; output: string } {
  try {
    const output = execFileSync(join(root, 'node_modules/.bin', tool), args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
}

describe('package linters', () => {
  it('passes publint in strict mode (warnings are errors)', () => {
    const { code, output } = run('publint', ['run', tarball, '--strict']);
    expect(output).toContain('All good!');
    expect(code, output).toBe(0);
  });

  it('passes @arethetypeswrong/cli for node10, node16 (ESM and CJS) and bundler resolution', () => {
    // --no-definitely-typed: the package ships its own types, and the check must not reach the network.
    const { code, output } = run('attw', [tarball, '--no-definitely-typed', '--format', 'json']);
    const report = JSON.parse(output) as { analysis: { problems: unknown[] }; problems: Record<string, unknown[]> };
    expect(report.analysis.problems, output).toStrictEqual([]);
    expect(Object.values(report.problems).flat(), output).toStrictEqual([]);
    expect(code, output).toBe(0);
  });
});

describe('package metadata', () => {
  const pkg = readJson('package.json');
  const jsr = readJson('jsr.json');
  const deno = readJson('deno.json');

  it('keeps jsr.json and deno.json in step with package.json', () => {
    expect(jsr.version).toBe(pkg.version);
    expect(deno.version).toBe(pkg.version);
    expect(jsr.name).toBe(deno.name);
  });

  it('exports the unbuilt source entry to JSR and Deno', () => {
    expect(jsr.exports).toBe('./src/index.ts');
    expect(deno.exports).toBe('./src/index.ts');
  });

  it('has no runtime dependencies and a command-line bin with a shebang', () => {
    expect(pkg.dependencies).toEqual({}); // present and empty, as the issue asks
    expect(pkg.bin).toEqual({ 'loyalty-metrics': './dist/cli.js' });
    expect(readFileSync(join(root, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
