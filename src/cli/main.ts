#!/usr/bin/env node
/**
 * Entry point of the `loyalty-metrics` command (package.json "bin" → dist/cli.js).
 * @module
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run.ts';

// dist/cli.js sits next to ../package.json in the installed package.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// A closed pipe (e.g. `| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  version,
});
