import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Task } from './worker.ts';

const ENTRY = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));

/** Threads of the pool: as asked, or one fewer than the processors so the event loop keeps one (at least one). */
export function poolSize(asked: number): number {
  return asked > 0 ? asked : Math.max(1, availableParallelism() - 1);
}

/** The worker pool running heavy work off the request path; threads start when work comes and stop when idle. */
export class WorkerPool {
  private readonly piscina: Piscina;

  constructor(readonly size: number) {
    this.piscina = new Piscina({
      filename: ENTRY,
      minThreads: 0,
      maxThreads: size,
      // One task per thread: a simulation takes the whole thread.
      concurrentTasksPerWorker: 1,
      idleTimeout: 30_000,
      // A clean thread: the entry registers tsx itself, whatever flags (vitest's, tsx's) the main thread runs with.
      execArgv: [],
      // Heavy work yields the processor to the request path: the threads run at a lower priority (nice +10).
      niceIncrement: 10,
    });
  }

  /** Runs a task on a thread; aborting the signal ends the thread running it. */
  run<T>(task: Task, options: { signal?: AbortSignal; transferList?: MessagePort[] } = {}): Promise<T> {
    return this.piscina.run(task, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.transferList ? { transferList: options.transferList as never } : {}),
    }) as Promise<T>;
  }

  /** How many tasks the pool's threads have finished: work done off the event loop. */
  get completed(): number {
    return this.piscina.completed;
  }

  /** Ends every thread (running tasks are rejected). */
  async close(): Promise<void> {
    await this.piscina.close({ force: true });
  }
}
