import type { Db } from '../db/open.ts';
import { execute } from '../db/raw.ts';
import { sweepExpiredSessions } from './sessions.ts';

/** What one sweep removed. */
export interface SweepReport {
  sessions: number;
  signInLimits: number;
  uploads: number;
}

/** Removes what has expired: sessions past their time, sign-in counts past their window, uploads no run needs. */
export async function sweep(db: Db, sweepUploads: () => Promise<number> | number = () => 0): Promise<SweepReport> {
  const sessions = await sweepExpiredSessions(db);
  const signInLimits = await db.transaction((tx) =>
    execute(tx, 'DELETE FROM sign_in_limits WHERE expire IS NOT NULL AND expire < ?', [Date.now()]),
  );
  return { sessions, signInLimits, uploads: await sweepUploads() };
}

/** Sweeps now and then every `everyMs`, one sweep at a time; the timer never keeps the process alive. Returns the stop function. */
export function startSweeper(
  db: Db,
  options: { everyMs: number; uploads?: () => Promise<number> | number; log: (line: string) => void },
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    if (stopped) return;
    running = sweep(db, options.uploads).then(
      (r) => {
        if (r.sessions || r.signInLimits || r.uploads) options.log(JSON.stringify({ level: 'info', msg: 'swept', ...r }));
      },
      (e) => options.log(JSON.stringify({ level: 'error', msg: 'sweep failed', error: (e as Error).message })),
    );
  };
  run();
  const timer = setInterval(run, options.everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
