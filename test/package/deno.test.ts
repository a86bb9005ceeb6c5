import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './build.ts';

const deno = join(root, 'node_modules/.bin/deno');
// Never reach the network: no remote modules, no npm resolution, no lockfile writes.
const offline = ['--no-remote', '--no-npm', '--no-lock'];

function runDeno(args: readonly string[]): string {
  return execFileSync(deno, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
}

describe('Deno', () => {
  it('imports src/index.ts unchanged and runs a few functions', () => {
    const out = runDeno([
      'run',
      '--no-prompt',
      '--no-remote',
      '--no-npm',
      '--no-config',
      'test/package/fixtures/deno-smoke.ts',
    ]);
    expect(out.trim()).toBe('deno ok');
  });

  it('type-checks the exported entry with deno check under deno.json', () => {
    // Throws (non-zero exit) on any type error; deno prints the diagnostics on stderr.
    expect(() => runDeno(['check', ...offline, '--config', 'deno.json', 'src/index.ts'])).not.toThrow();
  });

  it('passes the JSR publish dry run (no slow types, every exported file included)', () => {
    expect(() => runDeno(['publish', '--dry-run', '--allow-dirty', '--config', 'jsr.json'])).not.toThrow();
  });
});
