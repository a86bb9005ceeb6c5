import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root: string = fileURLToPath(new URL('../..', import.meta.url));

/** Builds dist/ when a test runs without `npm run build` first (npm test always builds). */
export function ensureBuilt(): void {
  if (!['dist/index.js', 'dist/index.cjs', 'dist/cli.js'].every((file) => existsSync(join(root, file)))) {
    execFileSync(join(root, 'node_modules/.bin/tsup'), { cwd: root, stdio: 'inherit' });
  }
}

/**
 * A temporary consumer project whose node_modules/loyalty-metrics is the packed tarball, so tests
 * see exactly what `npm i loyalty-metrics` would install (only the `files` in package.json).
 */
export function packedConsumer(): string {
  const tarball = packedTarball();
  const dir = dirname(tarball);
  const target = join(dir, 'node_modules/loyalty-metrics');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return dir;
}

/** `npm pack` into a fresh temporary directory; returns the path of the `.tgz`. */
export function packedTarball(): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-metrics-consumer-'));
  const out =
    execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop() ?? '';
  return join(dir, out);
}

/** A temporary consumer that links the working tree (for bundling, where only dist/ matters). */
export function linkedConsumer(): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-metrics-link-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/loyalty-metrics'), 'dir');
  return dir;
}
