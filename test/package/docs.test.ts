import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './build.ts';

// `npm run docs` must build with no warnings (typedoc.json sets treatWarningsAsErrors): every public
// type referenced by an export is itself exported and documented, every {@link} resolves.
describe('API reference (typedoc)', () => {
  it('builds with no warnings', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/typedoc'), ['--emit', 'none'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(out).not.toMatch(/warning|error/i);
  });
});
