import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from '../package/build.ts';

/** The built command-line tool (package.json "bin"). */
export const cli: string = join(root, 'dist/cli.js');

/** What one run of the tool printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node [nodeArgs] dist/cli.js args` with `input` on standard input (a string, or a generator of
 * chunks written with back-pressure) and collects its output.
 */
export function runCli(
  args: readonly string[],
  input: string | Iterable<string> = '',
  nodeArgs: readonly string[] = [],
): Promise<CliRun> {
  ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, cli, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {});
    if (typeof input === 'string') {
      child.stdin.end(input);
      return;
    }
    const chunks = input[Symbol.iterator]();
    const pump = (): void => {
      for (let next = chunks.next(); !next.done; next = chunks.next()) {
        if (!child.stdin.write(next.value)) {
          child.stdin.once('drain', pump);
          return;
        }
      }
      child.stdin.end();
    };
    pump();
  });
}

/** Reads a simple (unquoted) CSV file of the examples into row objects, independently of the tool's reader. */
export function simpleCsv(text: string): Record<string, string>[] {
  const [head = '', ...lines] = text.trim().split('\n');
  const names = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i] ?? '', v])));
}
