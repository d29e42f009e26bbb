import cluster, { type Worker } from 'node:cluster';
import type { ServerEnv } from './env.ts';
import { prepareStore, startServer } from './start.ts';

/** How long the primary waits for its workers to stop before it stops anyway. */
const STOP_MS = 10_000;

/**
 * The primary of WORKERS server processes on one port and one SQLite file (WAL): it prepares the database once,
 * starts the workers, starts a new one when one dies, says `listening` once all listen, and stops them on SIGTERM.
 * Shared through the database: sessions, tokens, receipts, the audit chain (each append under the write lock), the
 * job queue (claims are immediate transactions), sign-in throttling, and the published law (each process reloads it
 * when the newest rule file changes). Only the first worker resumes the jobs a stopped server left.
 */
export async function runPrimary(env: ServerEnv, log: (line: string) => void): Promise<void> {
  const { store } = await prepareStore(env, log);
  await store.close();
  let listening = 0;
  let stopping = false;
  const start = (recover: boolean): Worker => cluster.fork({ REINTEGRA_RECOVER_JOBS: recover ? 'true' : 'false' });
  cluster.on('listening', (worker, address) => {
    listening++;
    if (listening === env.WORKERS)
      log(
        JSON.stringify({
          level: 'info',
          msg: 'listening',
          url: `http://${env.HOST}:${address.port}`,
          database: env.DATABASE_PATH,
          synchronous: env.DB_SYNCHRONOUS,
          workers: env.WORKERS,
          worker: worker.id,
        }),
      );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(JSON.stringify({ level: 'error', msg: 'a server process ended; starting another', worker: worker.id, code, signal }));
    start(false);
  });
  for (let i = 0; i < env.WORKERS; i++) start(i === 0);
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    let left = workers.length;
    if (!left) process.exit(0);
    setTimeout(() => process.exit(0), STOP_MS).unref();
    for (const w of workers) {
      w.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      w.process.kill('SIGTERM');
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A worker of several: serves like a single server, and resumes left jobs only when the primary says so. */
export async function runWorker(env: ServerEnv, log: (line: string) => void): Promise<void> {
  const running = await startServer(env, log, {
    recoverJobs: process.env.REINTEGRA_RECOVER_JOBS === 'true',
    listeningMsg: 'worker listening',
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
