/**
 * The command-line tool: argument parsing, input (file or standard input, CSV or NDJSON), output
 * formats, progress, and the mapping of failures to exit codes (0 ok, 1 bad input or data, 2 usage).
 * @module
 */
import { createReadStream, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Command, CommandContext, Flags, FlagSpec } from './command.ts';
import { echo, UsageError } from './command.ts';
import { fitBgNbdCommand } from './commands/fitBgNbd.ts';
import { holdoutCommand } from './commands/holdout.ts';
import { npsCommand } from './commands/nps.ts';
import { retentionCommand } from './commands/retention.ts';
import { rfmCommand } from './commands/rfm.ts';
import { scoreCommand } from './commands/score.ts';
import { sqlCommand } from './commands/sql.ts';
import { formatFromName, InputError, readTable, type InputFormat } from './input.ts';

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

/** The streams the tool talks to (the process's own, or test doubles). */
export interface CliIo {
  readonly stdin: AsyncIterable<string | Uint8Array> & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly version: string;
}

/** Every subcommand, in the order of the help. */
export const COMMANDS: readonly Command[] = [
  retentionCommand,
  rfmCommand,
  fitBgNbdCommand,
  holdoutCommand,
  scoreCommand,
  npsCommand,
  sqlCommand,
];

const FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'ndjson'];

const COMMON_FLAGS: Readonly<Record<string, FlagSpec>> = {
  format: {
    type: 'string',
    value: '<table|csv|json|ndjson>',
    description: 'output format (default table); json prints the library result; ndjson: score only',
    choices: FORMATS,
  },
  'input-format': {
    type: 'string',
    value: '<csv|ndjson>',
    description: 'input format (default: from the file name; csv for standard input)',
    choices: INPUT_FORMATS,
  },
  help: { type: 'boolean', description: 'show this help' },
};

function usageOf(command: Command): string {
  const { 'input-format': _input, ...rest } = COMMON_FLAGS;
  const flags = command.subject === undefined ? { ...command.flags, ...COMMON_FLAGS } : { ...command.flags, ...rest };
  const lines = Object.entries(flags).map(([name, spec]) => {
    const left = `  --${name}${spec.value !== undefined ? ` ${spec.value}` : ''}`;
    const required = spec.required === true ? ' (required)' : '';
    return `${left.padEnd(34)} ${spec.description}${required}`;
  });
  const input =
    command.subject === undefined
      ? [
          'Reads CSV (first line = column names) or NDJSON from the file, or from standard input when the file is',
          'omitted or "-".',
        ]
      : ['Reads no input: prints SQL text (with --format json, { "sql": … }).'];
  return [
    `Usage: loyalty-metrics ${command.name} ${command.subject === undefined ? '[file]' : command.subject.value} [flags]`,
    '',
    `${command.summary} (runs ${command.runs}).`,
    ...input,
    '',
    'Flags:',
    ...lines,
    '',
  ].join('\n');
}

function mainUsage(): string {
  return [
    'Usage: loyalty-metrics <command> [file] [flags]',
    '',
    'Retention and loyalty metrics over CSV or NDJSON files (or standard input).',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    'Run "loyalty-metrics <command> --help" for the flags of a command.',
    'Exit codes: 0 success, 1 bad input or data, 2 bad command line.',
    '',
  ].join('\n');
}

function parseFlags(command: Command, args: readonly string[]): { flags: Flags; file: string | undefined } {
  const specs: Readonly<Record<string, FlagSpec>> = { ...command.flags, ...COMMON_FLAGS };
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = { type: spec.type };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(
      (error as Error).message
        .replace(/\. To specify a positional argument.*$/s, '')
        .replace(/^Unknown option '(.*)'$/, 'unknown flag $1'),
    );
  }
  if (parsed.values.help === true) return { flags: parsed.values, file: undefined };
  for (const [name, spec] of Object.entries(specs)) {
    const value = parsed.values[name];
    if (spec.required === true && value === undefined) throw new UsageError(`--${name} is required`);
    if (spec.choices !== undefined && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got ${echo(value)}`);
    }
  }
  if (parsed.positionals.length > 1)
    throw new UsageError(
      `expected at most one input file, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`,
    );
  return { flags: parsed.values, file: parsed.positionals[0] };
}

/** Writes text, honouring back-pressure; resolves once flushed. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Progress on stderr, only when stderr is a terminal: rows (when known) and megabytes read, at most 4 updates a second. */
function progressReporter(
  io: CliIo,
  name: string,
): { update: (chars: number, rows?: number) => void; done: () => void } {
  if (io.stderr.isTTY !== true) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: (chars, rows) => {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      const counted = rows === undefined ? '' : `${rows.toLocaleString('en-US')} rows, `;
      io.stderr.write(`\r\u001b[Kreading ${name}: ${counted}${(chars / 1e6).toFixed(1)} MB`);
    },
    done: () => {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}

/** Longest line of a message on stderr: values in messages are cut already; this keeps anything else short too. */
const MAX_LINE = 1000;

/** Cuts every line of a message to {@link MAX_LINE} characters. */
function capLines(message: string): string {
  return message
    .split('\n')
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length} characters)` : line))
    .join('\n');
}

/** Size of a regular file in bytes, or undefined (not a file, or not readable: opening it reports why). */
function fileSize(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** The chunks of `source`, reporting the bytes read so far to `progress` as they pass; done at the end. */
async function* counted(
  source: AsyncIterable<string | Uint8Array>,
  progress: { update: (chars: number) => void; done: () => void },
): AsyncGenerator<string | Uint8Array> {
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      progress.update(size);
      yield chunk;
    }
  } finally {
    progress.done();
  }
}

/**
 * Runs the tool with `args` (without `node` and the script); resolves with the exit code.
 * @example
 * ```ts
 * import { runCli } from './run.ts';
 *
 * let out = '';
 * const sink = { write: (text: string, done: () => void) => ((out += text), done(), true) };
 * const csv = 'customer,time\na,2024-01-01\nb,2024-01-05\na,2024-01-11\n';
 * const io = { stdin: (async function* () { yield csv; })(), stdout: sink, stderr: sink, version: '1.2.3' };
 * await runCli(['rfm', '--customer', 'customer', '--time', 'time', '--format', 'json'], io); // => 0
 * // a: one repeat purchase 10 days after the first, observed until the last purchase (2024-01-11)
 * JSON.parse(out); // => [{ customer: 'a', frequency: 1, recency: 10, T: 10 }, { customer: 'b', frequency: 0, recency: 0, T: 6 }]
 * await runCli(['churn'], io); // => 2
 * await runCli(['rfm', '--time', 'time'], io); // => 2
 * ```
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const fail = async (code: number, message: string): Promise<number> => {
    await write(io.stderr, `loyalty-metrics: ${capLines(message)}\n`);
    return code;
  };
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await write(name === undefined ? io.stderr : io.stdout, mainUsage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    await write(io.stdout, `${io.version}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined)
    return fail(
      EXIT_USAGE,
      `unknown command ${echo(name)}; commands: ${COMMANDS.map((c) => c.name).join(', ')}\nRun "loyalty-metrics --help" for usage.`,
    );
  let source = 'standard input';
  try {
    const { flags, file } = parseFlags(command, rest);
    if (flags.help === true) {
      await write(io.stdout, usageOf(command));
      return EXIT_OK;
    }
    if (command.subject !== undefined) {
      if (file === undefined || !command.subject.choices.includes(file))
        throw new UsageError(
          `${command.name} expects ${command.subject.choices.join(', ')} as its first argument${file === undefined ? '' : `, got ${echo(file)}`}`,
        );
      const output = await command.execute({ flags, subject: file, read: () => Promise.resolve(0) });
      const format = (flags.format as (typeof FORMATS)[number] | undefined) ?? 'table';
      await write(io.stdout, format === 'json' ? `${JSON.stringify(output.json, null, 2)}\n` : output.table());
      return EXIT_OK;
    }
    const fromStdin = file === undefined || file === '-';
    if (!fromStdin) source = file;
    const inputFormat =
      (flags['input-format'] as InputFormat | undefined) ?? (fromStdin ? 'csv' : formatFromName(file));
    if (fromStdin && io.stdin.isTTY === true)
      await write(
        io.stderr,
        `loyalty-metrics: reading ${inputFormat.toUpperCase()} from the terminal; end with Ctrl-D, or give a file name\n`,
      );
    const progress = progressReporter(io, source);
    const open = (): AsyncIterable<string | Uint8Array> =>
      fromStdin ? io.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
    const warnings: string[] = [];
    const context: CommandContext = {
      flags,
      read: async (columns, onRow) => {
        try {
          return await readTable(open(), inputFormat, { columns, onRow, onProgress: progress.update });
        } finally {
          progress.done();
        }
      },
      input: {
        format: inputFormat,
        open: () => counted(open(), progress),
        ...(fromStdin ? {} : { bytes: fileSize(file) }),
      },
      warn: (message) => {
        warnings.push(message);
      },
    };
    const output = await command.execute(context);
    for (const warning of warnings) await write(io.stderr, `loyalty-metrics: warning: ${capLines(warning)}\n`);
    const format = (flags.format as (typeof FORMATS)[number] | undefined) ?? 'table';
    if (format === 'ndjson' && output.ndjson === undefined)
      throw new UsageError(
        `--format ndjson is not available for ${command.name} (only for commands printing one row per record, e.g. score)`,
      );
    const text =
      format === 'ndjson'
        ? (output.ndjson as () => string)()
        : format === 'json'
          ? `${JSON.stringify(output.json, null, 2)}\n`
          : format === 'csv'
            ? output.csv()
            : output.table();
    if (typeof text === 'string') await write(io.stdout, text);
    else for (const piece of text) await write(io.stdout, piece);
    for (const warning of output.warnings ?? []) await write(io.stderr, `loyalty-metrics: warning: ${warning}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError)
      return fail(EXIT_USAGE, `${error.message}\nRun "loyalty-metrics ${command.name} --help" for usage.`);
    if (error instanceof InputError) return fail(EXIT_DATA, `${source}: ${error.message}`);
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
      return fail(EXIT_DATA, `cannot read ${source}: ${(error as Error).message}`);
    if (error instanceof TypeError || error instanceof RangeError)
      return fail(EXIT_DATA, `${source}: ${error.message}`);
    if (code === 'EPIPE') return EXIT_OK;
    throw error;
  }
}
