import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.ts';
import { linkedConsumer } from './build.ts';

/** Minified and gzipped bundle of `import { names } from 'loyalty-metrics'`, as an app would build it. */
async function bundle(names: readonly string[]): Promise<{ code: string; gzipped: number }> {
  const dir = linkedConsumer();
  const result = await build({
    stdin: { contents: `import { ${names.join(', ')} } from 'loyalty-metrics';\nconsole.log(${names.join(', ')});`, resolveDir: dir },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, gzipped: gzipSync(code).length };
}

// Each function names itself in its error messages, so the presence of another export's name in a
// bundle means that export's code was pulled in.
function unrelatedNamesIn(code: string, imported: readonly string[]): string[] {
  return Object.keys(lib).filter((name) => !imported.some((i) => i.includes(name)) && code.includes(name));
}

describe('tree shaking', () => {
  it('bundles netPromoterScore alone under 1.5 kB min+gzip, with no unrelated metric', async () => {
    const { code, gzipped } = await bundle(['netPromoterScore']);
    console.log(`netPromoterScore bundle: ${code.length} B minified, ${gzipped} B gzipped`);
    expect(code).toContain('netPromoterScore');
    expect(gzipped).toBeLessThan(1500);
    expect(unrelatedNamesIn(code, ['netPromoterScore'])).toEqual([]);
  });

  it('bundles retentionRate alone, with no survey code', async () => {
    const { code, gzipped } = await bundle(['retentionRate']);
    expect(gzipped).toBeLessThan(1000);
    expect(unrelatedNamesIn(code, ['retentionRate'])).toEqual([]);
  });
});
