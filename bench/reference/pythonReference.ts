// The JavaScript side of a reference benchmark in Python: one long-lived child process that answers one
// case per request (a name on stdin, one JSON line on stdout), so a benchmark can interleave its own calls
// with the reference's. bench/fits.bench.ts uses it with bench/reference/lifetimes_fits.py (the protocol
// is that of bench/reference/lifetimes_predictions.py: first line {"ready": version} or {"error": …}).
import { spawn } from 'node:child_process';

/** A running reference process. */
export interface PythonReference<Reply> {
  /** `lifetimes x.y, numpy …` and the interpreter. */
  readonly version: string;
  run(name: string): Promise<Reply>;
  close(): void;
}

/** Starts `python script ...args` and waits for its first line: a reference, or the reason it is missing. */
export function startPythonReference<Reply>(
  python: string,
  script: string,
  args: readonly string[],
): Promise<PythonReference<Reply> | string> {
  return new Promise((resolve) => {
    const child = spawn(python, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    const waiting: ((line: string) => void)[] = [];
    let ready = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (e) => resolve(`${python}: ${e.message}`));
    child.on('exit', (code) => {
      if (!ready) resolve(`${python} exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`);
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let k = buffer.indexOf('\n'); k >= 0; k = buffer.indexOf('\n')) {
        const line = buffer.slice(0, k);
        buffer = buffer.slice(k + 1);
        if (!ready) {
          const first = JSON.parse(line) as { ready?: string; error?: string };
          if (first.ready === undefined) {
            resolve(`${python}: ${first.error}`);
            child.kill();
            return;
          }
          ready = true;
          resolve({
            version: `${first.ready} (${python})`,
            run: (name) =>
              new Promise<Reply>((done) => {
                waiting.push((reply) => done(JSON.parse(reply) as Reply));
                child.stdin.write(`${name}\n`);
              }),
            close: () => child.stdin.end(),
          });
        } else waiting.shift()?.(line);
      }
    });
  });
}

/**
 * The first interpreter among BENCH_PYTHON, /usr/bin/python3 and python3 that runs `script`, or the list of
 * reasons none did (to print: the benchmark says plainly which reference is missing).
 */
export async function findPythonReference<Reply>(
  script: string,
  args: readonly string[],
): Promise<PythonReference<Reply> | string> {
  const tried: string[] = [];
  for (const python of [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3']) {
    if (python === undefined || python === '') continue;
    const r = await startPythonReference<Reply>(python, script, args);
    if (typeof r === 'string') tried.push(r);
    else return r;
  }
  return tried.join('; ');
}

/** Median of a list of numbers. */
export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
}

/** Milliseconds with 2–3 significant digits. */
export function ms(v: number): string {
  return v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 10_000 ? v.toFixed(1) : v.toFixed(0);
}
