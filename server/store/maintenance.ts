import type { Db } from '../db/open.ts';
import { sweepExpiredSessions } from './sessions.ts';

/** What one sweep removed. */
export interface SweepReport {
  sessions: number;
  signInLimits: number;
  uploads: number;
}

/** Removes what has expired: sessions past their time, sign-in counts past their window, uploads no run needs. */
export function sweep(db: Db, sweepUploads: () => number = () => 0): SweepReport {
  const sessions = sweepExpiredSessions(db);
  const signInLimits = db.$client
    .prepare('DELETE FROM sign_in_limits WHERE expire IS NOT NULL AND expire < ?')
    .run(Date.now()).changes;
  return { sessions, signInLimits, uploads: sweepUploads() };
}

/** Sweeps now and then every `everyMs`; the timer never keeps the process alive. Returns the stop function. */
export function startSweeper(
  db: Db,
  options: { everyMs: number; uploads?: () => number; log: (line: string) => void },
): () => void {
  const run = () => {
    if (!db.$client.open) return;
    try {
      const r = sweep(db, options.uploads);
      if (r.sessions || r.signInLimits || r.uploads) options.log(JSON.stringify({ level: 'info', msg: 'swept', ...r }));
    } catch (e) {
      options.log(JSON.stringify({ level: 'error', msg: 'sweep failed', error: (e as Error).message }));
    }
  };
  run();
  const timer = setInterval(run, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
