import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/** A throw-away PostgreSQL server on loopback, its data in a temp folder removed by `stop()`. */
export interface PgCluster {
  /** The `postgres` database, as the superuser `postgres` (trusted on loopback, no password). */
  url: string;
  port: number;
  /** Stops the server (fast: open sessions are ended) and removes its folder; a second call does nothing. */
  stop(): Promise<void>;
  /** Makes an empty database (a fresh unique name unless given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
}

const run = promisify(execFile);
const isRoot = () => process.getuid?.() === 0;

/** The folder of initdb and pg_ctl: Debian's /usr/lib/postgresql/<major>/bin (highest major), else pg_config's. */
export function pgBinDir(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const majors = existsSync(debian) ? readdirSync(debian).filter((d) => /^\d+$/.test(d)) : [];
  for (const major of majors.sort((a, b) => Number(b) - Number(a))) {
    if (existsSync(join(debian, major, 'bin', 'initdb'))) return join(debian, major, 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // Debian's pg_config (libpq-dev) names /usr/bin, which has the client tools only.
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // No pg_config: no server either.
  }
  return undefined;
}

/** The uid and gid of `postgres`, who runs the server when we are root (initdb refuses root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Whether a throw-away cluster can start here: server binaries found, and a `postgres` user when running as root. */
export function pgAvailable(): boolean {
  return pgBinDir() !== undefined && (!isRoot() || postgresUser() !== undefined);
}

/** A port nobody listens on just now (the OS picks it); `startPgCluster` tries again if it is taken meanwhile. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Folders of clusters still running, stopped at once if the test process exits without calling stop(). */
const running = new Map<string, () => void>();
process.once('exit', () => {
  for (const stopNow of running.values()) stopNow();
});

/**
 * Starts a PostgreSQL server of its own in a fresh temp folder, on 127.0.0.1 and a free port, with fsync off (its data
 * is thrown away) unless `durable`. Collation C, as SQLite compares text byte by byte. Throws, saying how to install it, when it cannot.
 */
export async function startPgCluster(settings: { durable?: boolean } = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql (.ci/run does it)');
  const owner = isRoot() ? postgresUser() : undefined;
  if (isRoot() && !owner) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
  const dir = mkdtempSync(join(tmpdir(), 'ri-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  // The command line of a PostgreSQL tool, as `postgres` when we are root.
  const command = (tool: string, args: string[]): [string, string[]] =>
    owner ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  // Run from inside the folder, which `postgres` can always enter (unlike, perhaps, ours).
  const pgTool = (tool: string, args: string[]) => run(...command(tool, args), { cwd: dir, timeout: 120_000 });
  const pgCtl = (args: string[]) => pgTool('pg_ctl', ['-D', data, '-w', '-t', '60', ...args]);
  const removeFolder = () => rmSync(dir, { recursive: true, force: true });

  try {
    const initdb = '-U postgres -A trust -E UTF8 --locale=C --no-sync --no-instructions'.split(' ');
    await pgTool('initdb', ['-D', data, ...initdb]);
    let port = 0;
    for (let attempt = 1; !port; attempt++) {
      const candidate = await freePort();
      // Room for many test servers at once (each a pool, a listener and a queue's connections).
      // fsync off for tests (their data is thrown away); a benchmark of durable commits asks for it on (`durable`).
      const sync = settings.durable ? '' : '-c fsync=off -c full_page_writes=off';
      const options = `-c listen_addresses=127.0.0.1 -p ${candidate} -k ${dir} ${sync} -c max_connections=400`;
      try {
        await pgCtl(['-l', join(dir, 'server.log'), '-o', options, 'start']);
        port = candidate;
      } catch (err) {
        // Another process may have taken the port between freePort() and the server's bind.
        if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${logTail(dir)}`, { cause: err });
      }
    }
    const stopNow = () => {
      // Synchronous, for process exit: immediate (no checkpoint), the data is thrown away anyway.
      try {
        execFileSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { cwd: dir, stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      removeFolder();
    };
    running.set(dir, stopNow);
    const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const url = urlOf('postgres');
    return {
      url,
      port,
      async stop() {
        if (!running.delete(dir)) return;
        await pgCtl(['-m', 'fast', 'stop']);
        removeFolder();
      },
      createDatabase: (name) => createPgDatabase(url, name),
    };
  } catch (err) {
    await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined);
    removeFolder();
    throw err;
  }
}

/** Makes an empty database (a fresh unique name unless given) on the server `adminUrl` names; returns its URL. */
export async function createPgDatabase(adminUrl: string, name = `t_${randomBytes(6).toString('hex')}`): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The end of the server's log, to say why it did not start. */
function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
}
