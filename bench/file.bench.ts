// From the file to the answer (issue 14, file-path targets): one seeded CSV event log (writeEventCsv:
// customer_id,ordered_at,amount with `2024-03-05T14:30:07Z` times, BENCH_ROWS rows, default 10M, rows/10
// skewed customers), read and summarised in the same run, interleaved, BENCH_REPEATS times (default 3):
//   - DuckDB (@duckdb/node-api, in process, all cores): read_csv of the file + the SQL of retentionCountsSql
//     (daily cohorts) and of rfmSummarySql (frequency, recency, T, monetary value), result read into JS;
//   - the exported reader: readCsvLog over fs.createReadStream + retentionMatrix / rfmSummary, each run in a
//     fresh Node process (its own peak RSS and heap, no JIT state carried over; the time is from the start of
//     the read to the result, process start-up excluded);
//   - readCsvLog over the stream told the file's size (sizeHint), read only, same way;
//   - parseCsvLog over readFileSync (the whole-buffer path), read only, same way;
//   - the CLI as a child process: node dist/cli.js retention|rfm FILE --format csv > /dev/null (wall time,
//     start-up included; run `npm run build` first — the bench says so when dist/cli.js is missing);
//   - pandas (read_csv + groupby) and pandas + lifetimes summary_data_from_transaction_data, in /usr/bin/python3
//     (or BENCH_PYTHON) with PYTHONPATH as given; the time inside the script, imports excluded. Said plainly
//     when missing.
// Prints medians, min–max and ratios against DuckDB of the same run, and the reader path's peak RSS against
// the size of the columns it returns plus the file size.
// Run: npm run bench -- file     Optional: BENCH_ROWS=1000000 BENCH_REPEATS=5 BENCH_DIR=/tmp
//   PYTHONPATH=/work/ref/lifetimes:/work/ref/autograd npm run bench -- file
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { retentionCountsSql, retentionMatrixFromCounts, rfmSummarySql } from '../src/index.ts';
import { writeEventCsv } from './helpers.ts';

const rows = Number(process.env.BENCH_ROWS ?? 10_000_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const file = join(process.env.BENCH_DIR ?? tmpdir(), `loyalty-file-bench-${rows}.csv`);
const names = { customer: 'customer_id', time: 'ordered_at', value: 'amount' } as const;
const self = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

// --- child mode: one reader-path run, reported as JSON on stdout -----------------------------------------
type Work = 'retention' | 'rfm' | 'read' | 'hinted' | 'parse';

interface ChildReport {
  ms: number;
  cpuMs: number;
  readMs: number;
  maxRssMb: number;
  baseRssMb: number;
  heapMb: number;
  columnsMb: number;
  check: string;
}

/**
 * This process's own peak RSS in MiB: VmHWM of /proc/self/status (Linux), the high-water mark of this process's
 * memory map, which starts afresh at exec. Not `process.resourceUsage().maxRSS`: on Linux a spawned child's
 * maxRSS also counts the parent's RSS at the fork (the kernel carries it over the exec), so for a child of this
 * bench (which holds DuckDB and the data) it read about 608 MiB whatever the child did. Elsewhere: maxRSS.
 */
function ownPeakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m !== null) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function child(work: Work, path: string): Promise<void> {
  const lib = (await import(process.env.BENCH_LIB ?? '../src/index.ts')) as typeof import('../src/index.ts');
  const { parseCsvLog, readCsvLog, retentionMatrix, rfmSummary } = lib;
  const base = process.memoryUsage().rss;
  let heap = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const log =
    work === 'parse'
      ? parseCsvLog(readFileSync(path), names)
      : await readCsvLog(
          createReadStream(path, { highWaterMark: 1 << 20 }),
          work === 'hinted' ? { ...names, sizeHint: statSync(path).size } : names,
        );
  const readMs = performance.now() - t0;
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  let check = `${log.customer.length} rows, ${log.customerIds.length} customers`;
  if (work === 'retention') {
    const m = retentionMatrix({ customer: log.customer, time: log.time }, { period: 'day' });
    check = `${m.cohorts.length} cohorts, ${m.cohorts.reduce((s, c) => s + c.size, 0)} customers`;
  } else if (work === 'rfm') {
    const r = rfmSummary(log);
    check = `${r.length} customers, Σ frequency ${r.reduce((s, x) => s + x.frequency, 0)}`;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  const columns = log.customer.byteLength + log.time.byteLength + (log.value?.byteLength ?? 0);
  const report: ChildReport = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    readMs,
    maxRssMb: ownPeakRssMb(),
    baseRssMb: base / 2 ** 20,
    heapMb: heap / 2 ** 20,
    columnsMb: columns / 2 ** 20,
    check,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] as Work, process.argv[4] as string);
  process.exit(0);
}

// --- the run ---------------------------------------------------------------------------------------------
const t = performance.now();
const size = await writeEventCsv(file, rows, Math.max(1, Math.floor(rows / 10)), 14);
console.log(
  `${rows.toLocaleString('en-US')} rows, ${(size / 2 ** 20).toFixed(0)} MiB: ${file} (${((performance.now() - t) / 1000).toFixed(1)} s to write or find)`,
);
readFileSync(file); // into the page cache

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Timing {
  readonly ms: number;
  /** CPU time of all threads (user + system), start-up included for child processes. */
  readonly cpuMs: number;
}
interface Case {
  readonly name: string;
  readonly group: 'retention' | 'rfm' | 'read';
  readonly run: () => Promise<Timing>;
  readonly missing?: string;
}
const cases: Case[] = [];
const notes = new Map<string, string>();
const memory = new Map<string, ChildReport[]>();

// DuckDB
const { DuckDBInstance } = await import('@duckdb/node-api');
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]?.[0];
await connection.run(
  `CREATE VIEW events AS SELECT * FROM read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMPTZ', 'amount': 'DOUBLE'})`,
);
const source = { dialect: 'duckdb', table: 'events', customer: 'customer_id', time: 'ordered_at' } as const;
const retentionSql = retentionCountsSql({ ...source, period: 'day', timeZone: 'UTC' });
const rfmSql = rfmSummarySql({ ...source, value: 'amount', timeZone: 'UTC' });
cases.push({
  name: `DuckDB read_csv + retentionCountsSql (${threads} threads)`,
  group: 'retention',
  run: async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const counts = (await connection.runAndReadAll(retentionSql)).getRowObjects();
    const m = retentionMatrixFromCounts(counts as never, { period: 'day', timeZone: 'UTC' });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    notes.set(
      'duckdb retention',
      `${m.cohorts.length} cohorts, ${m.cohorts.reduce((s, c) => s + c.size, 0)} customers`,
    );
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  },
});
cases.push({
  name: `DuckDB read_csv + rfmSummarySql (${threads} threads)`,
  group: 'rfm',
  run: async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = (await connection.runAndReadAll(rfmSql)).getRows();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    notes.set('duckdb rfm', `${result.length} customers, Σ frequency ${result.reduce((s, r) => s + Number(r[1]), 0)}`);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  },
});

// the exported reader, in child processes
function childRun(work: Work): () => Promise<Timing> {
  return async () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', self, '--child', work, file],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(`child ${work} failed: ${r.stderr}`);
    const report = JSON.parse(r.stdout.trim().split('\n').pop() as string) as ChildReport;
    memory.set(work, [...(memory.get(work) ?? []), report]);
    notes.set(`reader ${work}`, report.check);
    return { ms: report.ms, cpuMs: report.cpuMs };
  };
}
cases.push({ name: 'readCsvLog (stream) + retentionMatrix', group: 'retention', run: childRun('retention') });
cases.push({ name: 'readCsvLog (stream) + rfmSummary', group: 'rfm', run: childRun('rfm') });
cases.push({ name: 'readCsvLog (stream), read only', group: 'read', run: childRun('read') });
cases.push({ name: 'readCsvLog (stream, sizeHint = file size), read only', group: 'read', run: childRun('hinted') });
cases.push({ name: 'parseCsvLog (readFileSync), read only', group: 'read', run: childRun('parse') });

// the CLI
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.js');
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function cliRun(args: string[]): () => Promise<Timing> {
  return async () => {
    const command = [process.execPath, cli, ...args, file, '--format', 'csv'];
    const t0 = performance.now();
    const r =
      timeTool === undefined
        ? spawnSync(command[0] as string, command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
        : spawnSync(timeTool, ['-f', 'TIME %U %S %M', ...command], {
            stdio: ['ignore', 'ignore', 'pipe'],
            encoding: 'utf8',
          });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`CLI ${args[0]} failed: ${r.stderr}`);
    const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (m !== null) cliRss.set(args[0] as string, [...(cliRss.get(args[0] as string) ?? []), Number(m[3]) / 1024]);
    return { ms, cpuMs: m === null ? Number.NaN : (Number(m[1]) + Number(m[2])) * 1000 };
  };
}
const cliRss = new Map<string, number[]>();
const cliMissing = existsSync(cli) ? undefined : `${cli} is missing (npm run build)`;
const cliNames = ['--customer', names.customer, '--time', names.time];
cases.push({
  name: 'CLI retention (child process)',
  group: 'retention',
  run: cliRun(['retention', ...cliNames]),
  ...(cliMissing === undefined ? {} : { missing: cliMissing }),
});
cases.push({
  name: 'CLI rfm --value (child process)',
  group: 'rfm',
  run: cliRun(['rfm', ...cliNames, '--value', names.value]),
  ...(cliMissing === undefined ? {} : { missing: cliMissing }),
});

// pandas, lifetimes
const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const script = `
import sys, time
import numpy as np, pandas as pd
work, path = sys.argv[1], sys.argv[2]
if work == 'lifetimes':
    from lifetimes.utils import summary_data_from_transaction_data
t0 = time.perf_counter()
c0 = time.process_time()
df = pd.read_csv(path, dtype={'customer_id': str, 'ordered_at': str, 'amount': float})
df['ordered_at'] = pd.to_datetime(df['ordered_at'], format='%Y-%m-%dT%H:%M:%SZ')
if work == 'retention':
    day = df['ordered_at'].values.astype('datetime64[D]').astype(np.int64)
    codes = pd.factorize(df['customer_id'])[0]
    first = pd.Series(day).groupby(codes).transform('min').values
    cells = pd.DataFrame({'c': codes, 'cohort': first, 'k': day - first}).drop_duplicates()
    matrix = cells.groupby(['cohort', 'k']).size()
    check = f'{len(np.unique(first))} cohorts, {len(np.unique(codes))} customers'
else:
    s = summary_data_from_transaction_data(df, 'customer_id', 'ordered_at', monetary_value_col='amount', freq='D')
    check = f'{len(s)} customers, sum frequency {int(s.frequency.sum())}'
print(time.perf_counter() - t0, time.process_time() - c0, check)
`;
function pythonProbe(modules: string): string | undefined {
  const r = spawnSync(python, ['-c', `import ${modules}`], { encoding: 'utf8' });
  if (r.error !== undefined) return `${python}: ${r.error.message}`;
  return r.status === 0 ? undefined : `${python}: ${r.stderr.trim().split('\n').pop() ?? 'import failed'}`;
}
function pythonRun(work: 'retention' | 'lifetimes'): () => Promise<Timing> {
  return async () => {
    const r = spawnSync(python, ['-c', script, work, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`python ${work} failed: ${r.stderr}`);
    const [seconds, cpu, ...check] = r.stdout.trim().split(' ');
    notes.set(`python ${work}`, check.join(' '));
    return { ms: Number(seconds) * 1000, cpuMs: Number(cpu) * 1000 };
  };
}
const pandasMissing = pythonProbe('pandas, numpy');
const lifetimesMissing = pandasMissing ?? pythonProbe('lifetimes');
cases.push({
  name: 'pandas read_csv + groupby (python)',
  group: 'retention',
  run: pythonRun('retention'),
  ...(pandasMissing === undefined ? {} : { missing: pandasMissing }),
});
cases.push({
  name: 'pandas read_csv + lifetimes summary_data_from_transaction_data',
  group: 'rfm',
  run: pythonRun('lifetimes'),
  ...(lifetimesMissing === undefined
    ? {}
    : { missing: `lifetimes not importable (${lifetimesMissing}); PYTHONPATH=${process.env.PYTHONPATH ?? ''}` }),
});

// BENCH_ONLY: substrings separated by |, to run only the matching cases (and DuckDB).
const only = process.env.BENCH_ONLY?.split('|');
const active = cases.filter(
  (c) =>
    c.missing === undefined &&
    (only === undefined || only.some((x) => c.name.includes(x)) || c.name.startsWith('DuckDB')),
);
const times = new Map<Case, Timing[]>();
for (let r = 0; r < repeats; r++) {
  for (const c of active) {
    const timing = await c.run();
    times.set(c, [...(times.get(c) ?? []), timing]);
  }
  console.log(`repeat ${r + 1}/${repeats} done`);
}
connection.closeSync();

for (const group of ['retention', 'rfm', 'read'] as const) {
  const title = group === 'retention' ? 'daily retention matrix' : group === 'rfm' ? 'RFM summary' : 'read only';
  console.log(
    `\n${title}: wall s median (min–max), ratio = DuckDB median / this median (>1 = faster); CPU s median (all threads), ratio`,
  );
  const duck = active.find((c) => c.name.startsWith('DuckDB') && c.group === (group === 'read' ? 'retention' : group));
  const duckTimes = duck === undefined ? [] : (times.get(duck) ?? []);
  const ref = duck === undefined ? Number.NaN : median(duckTimes.map((x) => x.ms));
  const refCpu = duck === undefined ? Number.NaN : median(duckTimes.map((x) => x.cpuMs));
  for (const c of cases.filter((x) => x.group === group)) {
    if (c.missing !== undefined) {
      console.log(`  ${c.name.padEnd(64)} MISSING: ${c.missing}`);
      continue;
    }
    const timings = times.get(c);
    if (timings === undefined) continue;
    const ts = timings.map((x) => x.ms);
    const m = median(ts);
    const cpu = median(timings.map((x) => x.cpuMs));
    console.log(
      `  ${c.name.padEnd(64)} ${(m / 1000).toFixed(2).padStart(6)} s (${(Math.min(...ts) / 1000).toFixed(2)}–${(Math.max(...ts) / 1000).toFixed(2)}) ${(ref / m).toFixed(2).padStart(5)}×   CPU ${(cpu / 1000).toFixed(2).padStart(6)} s ${(refCpu / cpu).toFixed(2).padStart(5)}×`,
    );
  }
}
console.log('\nchecks:');
for (const [k, v] of notes) console.log(`  ${k}: ${v}`);
console.log(
  `\nmemory of the reader path (one process per run; median over runs; file ${(size / 2 ** 20).toFixed(0)} MiB):`,
);
for (const [command, rss] of cliRss)
  console.log(`  CLI ${command.padEnd(10)} peak RSS ${median(rss).toFixed(0)} MiB (the whole process)`);
for (const [work, reports] of memory) {
  const col = reports[0]?.columnsMb ?? 0;
  const rss = median(reports.map((x) => x.maxRssMb));
  const base = median(reports.map((x) => x.baseRssMb));
  const read = median(reports.map((x) => x.readMs));
  const file = work === 'parse' ? size / 2 ** 20 : 1;
  console.log(
    `  ${work.padEnd(10)} read ${(read / 1000).toFixed(2)} s; peak RSS ${rss.toFixed(0)} MiB (process at start ${base.toFixed(0)}), heap ${median(reports.map((x) => x.heapMb)).toFixed(0)} MiB; columns ${col.toFixed(0)} MiB; (peak − start) / (2 × columns + ${work === 'parse' ? 'file' : '1 MiB chunk'}) = ${((rss - base) / (2 * col + file)).toFixed(2)}`,
  );
}
