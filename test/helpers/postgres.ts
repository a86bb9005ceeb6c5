import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests: Debian's server binaries (`apt-get install postgresql`, which
 * .ci/run does), `initdb` into a temporary directory, the server listening on a unix socket in that directory
 * only (no TCP port), fsync off. As root (CI) the server runs as the `postgres` user, which Debian's package
 * creates. `stop()` ends the server and removes the directory.
 */
export interface TestPostgres {
  /** Connection settings for node-postgres (`new pg.Client(config)`). */
  readonly config: { host: string; port: number; user: string; database: string };
  stop(): void;
}

const PORT = 5432;

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (version === undefined)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: run `apt-get install -y postgresql` (as .ci/run does)',
    );
  return join(root, version, 'bin');
}

/** Starts a cluster; resolves once it accepts connections. */
export function startPostgres(): TestPostgres {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'lm-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]): void => {
    const command = join(bin, tool);
    // From the cluster's own directory: the postgres user may not be allowed into the repository's.
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', cwd: dir });
    else execFileSync(command, args, { stdio: 'pipe', cwd: dir });
  };
  if (asRoot) {
    execFileSync('chown', ['postgres', dir]);
    chmodSync(dir, 0o700);
  }
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const serverOptions = `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    config: { host: dir, port: PORT, user: 'postgres', database: 'postgres' },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
