import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One `@example` block of a TSDoc comment. */
export interface DocExample {
  /** `src/rates/retentionRate.ts` style path. */
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  /** The name declared after the comment (function, const, ...). */
  readonly name: string;
  /** The code inside the fenced block. */
  readonly code: string;
}

/** Lists `*.ts` files below `dir`, recursively, in a stable order. */
export function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listTsFiles(path));
    else if (entry.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Extracts every `@example` block from the TSDoc comments of the files below `srcDir`. */
export function collectExamples(root: string, srcDir: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const path of listTsFiles(srcDir)) {
    const text = readFileSync(path, 'utf8');
    const commentRe = /\/\*\*[\s\S]*?\*\//g;
    for (let m = commentRe.exec(text); m; m = commentRe.exec(text)) {
      const comment = m[0];
      if (!comment.includes('@example')) continue;
      const after = text.slice(m.index + comment.length);
      const name =
        /^\s*export\s+(?:async\s+)?(?:function|const|class|interface|type)\s+([A-Za-z0-9_$]+)/.exec(after)?.[1] ??
        '(anonymous)';
      const lines = comment.split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''));
      const startLine = text.slice(0, m.index).split('\n').length;
      for (let i = 0; i < lines.length; i++) {
        if (!(lines[i] ?? '').startsWith('@example')) continue;
        const body: string[] = [];
        let j = i + 1;
        for (; j < lines.length && !(lines[j] ?? '').startsWith('@'); j++) body.push(lines[j] ?? '');
        const code = body
          .filter((l) => !/^```/.test(l.trim()))
          .join('\n')
          .trim();
        examples.push({ file: relative(root, path), line: startLine + i, name, code });
        i = j - 1;
      }
    }
  }
  return examples;
}

/**
 * Compiles an example into the body of an async function of `(__lib, __check, __checkThrows, __import)`:
 * `import { a } from 'loyalty-metrics'` becomes a destructuring of `__lib`, a relative import (the
 * examples of internal modules, `import { a } from './sum.ts'`) or a Node built-in (`node:fs`, in a guide that
 * reads a file) a destructuring of `await __import(path)` resolved against the example's own file, and every statement
 * `expr; // => expected` becomes a check of `expr` against `expected` (`// => throws RangeError`
 * checks the error kind instead).
 */
export function exampleToScript(code: string): { script: string; checks: number } {
  let checks = 0;
  const withoutImports = code
    .replace(
      /import\s*\{([^}]*)\}\s*from\s*['"]loyalty-metrics['"];?/g,
      (_m, names: string) => `const {${names}} = __lib;`,
    )
    .replace(
      /import\s*\{([^}]*)\}\s*from\s*['"](\.{1,2}\/[^'"]+|node:[a-z/]+)['"];?/g,
      (_m, names: string, path: string) =>
        `const {${names.replace(/\btype\s+\w+\s*,?/g, '')}} = await __import(${JSON.stringify(path)});`,
    );
  const lines = withoutImports.split('\n').map((line, index) => {
    const m = /^(\s*)(.*?);?\s*\/\/ => (.*)$/.exec(line);
    if (!m) return line;
    checks++;
    const [, indent, expr, expected] = m as unknown as [string, string, string, string];
    const where = JSON.stringify(`line ${index + 1}: ${expr.trim()}`);
    const thrown = /^throws (\w+)(?::\s*(.*))?$/.exec(expected.trim());
    if (thrown)
      return `${indent}__checkThrows(() => (${expr}), ${JSON.stringify(thrown[1])}, ${JSON.stringify(thrown[2] ?? '')}, ${where});`;
    return `${indent}__check(${expr}, (${expected}), ${JSON.stringify(expected)}, ${where});`;
  });
  return { script: lines.join('\n'), checks };
}

/** Tolerance per number literal: half a unit of the last printed digit; integers must match to 1e-9 relative. */
function literalTolerances(source: string): number[] {
  const withoutStrings = source.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
  const out: number[] = [];
  const re = /(?<![\w$.])-?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?|NaN|Infinity/g;
  for (let m = re.exec(withoutStrings); m; m = re.exec(withoutStrings)) {
    if (m[0] === 'NaN' || m[0] === 'Infinity') {
      out.push(0);
      continue;
    }
    // A key such as `0:` is not a value.
    if (/^\s*:/.test(withoutStrings.slice(m.index + m[0].length))) continue;
    const decimals = m[2]?.length ?? 0;
    const exponent = Number(m[3] ?? 0);
    const value = Math.abs(Number(m[0]));
    out.push(decimals === 0 && m[3] === undefined ? 1e-9 * Math.max(1, value) : 0.5 * 10 ** (exponent - decimals));
  }
  return out;
}

/**
 * Matches `actual` against the value written after `// =>`: numbers to the printed precision,
 * arrays element-wise, objects on the keys written (a partial match), everything else exactly.
 * Returns a description of the first mismatch, or `undefined`.
 */
export function matchExpected(actual: unknown, expected: unknown, expectedSource: string): string | undefined {
  const tolerances = literalTolerances(expectedSource);
  let k = 0;
  const walk = (a: unknown, e: unknown, path: string): string | undefined => {
    if (typeof e === 'number') {
      const tol = tolerances[k++] ?? 1e-9;
      if (typeof a !== 'number') return `${path}: expected a number ${e}, got ${String(a)}`;
      if (Number.isNaN(e)) return Number.isNaN(a) ? undefined : `${path}: expected NaN, got ${a}`;
      if (!Number.isFinite(e)) return a === e ? undefined : `${path}: expected ${e}, got ${a}`;
      return Math.abs(a - e) <= tol ? undefined : `${path}: expected ${e} (±${tol}), got ${a}`;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a) && !ArrayBuffer.isView(a)) return `${path}: expected an array, got ${JSON.stringify(a)}`;
      const arr = a as ArrayLike<unknown>;
      if (arr.length !== e.length) return `${path}: expected length ${e.length}, got ${arr.length}`;
      for (let i = 0; i < e.length; i++) {
        const r = walk(arr[i], e[i], `${path}[${i}]`);
        if (r) return r;
      }
      return undefined;
    }
    if (e !== null && typeof e === 'object') {
      if (a === null || typeof a !== 'object') return `${path}: expected an object, got ${String(a)}`;
      for (const key of Object.keys(e)) {
        const r = walk((a as Record<string, unknown>)[key], (e as Record<string, unknown>)[key], `${path}.${key}`);
        if (r) return r;
      }
      return undefined;
    }
    return Object.is(a, e) ? undefined : `${path}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`;
  };
  return walk(actual, expected, 'value');
}
