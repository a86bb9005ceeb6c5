import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './build.ts';

const deno = join(root, 'node_modules/.bin/deno');

describe('Deno', () => {
  it('imports src/index.ts unchanged and runs a few functions', () => {
    const out = execFileSync(deno, ['run', '--no-prompt', '--no-remote', '--no-npm', '--no-config', 'test/package/fixtures/deno-smoke.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(out.trim()).toBe('deno ok');
  });
});
