// The long-lived Python reference process of the side-by-side benchmarks: a script under bench/reference/ is
// started once, prints one JSON line ({"ready": version} or {"error": message}), then answers one JSON line per
// request line on stdin, so the benchmark can interleave its calls with the TypeScript runs. The interpreter is
// looked for in BENCH_PYTHON, /usr/bin/python3 and python3, in that order, with PYTHONPATH as given (e.g. the
// public source of lifetimes and autograd checked out somewhere). Not a benchmark itself.
import { spawn } from 'node:child_process';

/** A started reference process. */
export interface PythonReference {
  /** What the script reported as ready, and the interpreter. */
  readonly version: string;
  /** Sends one request line; resolves with the parsed JSON reply line. */
  request<T>(line: string): Promise<T>;
  /** Closes stdin (the script then exits). */
  close(): void;
}

/** Starts `python script ...args` and waits for its first line: a reference, or the reason it is missing. */
function startWith(python: string, script: string, args: readonly string[]): Promise<PythonReference | string> {
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
      else if (waiting.length > 0) throw new Error(`${python} ${script} exited with ${code}: ${stderr.trim()}`);
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
            request: <T>(request: string) =>
              new Promise<T>((done) => {
                waiting.push((reply) => done(JSON.parse(reply) as T));
                child.stdin.write(`${request}\n`);
              }),
            close: () => child.stdin.end(),
          });
        } else waiting.shift()?.(line);
      }
    });
  });
}

/**
 * The first interpreter that runs `script` (BENCH_PYTHON, /usr/bin/python3, python3), or `missing`: why each
 * one failed, for the benchmark to say plainly.
 */
export async function startPythonReference(
  script: string,
  args: readonly string[],
): Promise<{ reference: PythonReference | undefined; missing: string }> {
  const tried: string[] = [];
  for (const python of [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3']) {
    if (python === undefined || python === '') continue;
    const r = await startWith(python, script, args);
    if (typeof r === 'string') tried.push(r);
    else return { reference: r, missing: '' };
  }
  return { reference: undefined, missing: tried.join('; ') };
}

/** Median of a list of numbers. */
export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
}
