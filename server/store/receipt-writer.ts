import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/handle.ts';
import type { Database } from '../db/open.ts';
import { type DecisionRow, INSERT_RECEIPT, insertReceipt, type NewReceipt, receiptRow, receiptValues } from './decisions.ts';

interface Pending {
  row: ReturnType<typeof receiptRow>;
  resolve(row: DecisionRow): void;
  reject(e: unknown): void;
}

const THREAD = fileURLToPath(new URL('./receipt-writer-thread.mjs', import.meta.url));

/** What the writer's thread answers: groups committed, or one group refused with SQLite's error. */
type Reply = { done: number[] } | { failed: number; message: string; code?: string };

/**
 * Stores receipts with group commit: the receipts of every request ready in the same turn of the event loop go
 * together, and on a database file they are committed by a thread of their own (./receipt-writer-thread.mjs), which
 * puts every group that arrived while it synced the last commit into the next transaction. So the sync to disk
 * (synchronous=FULL) neither holds the event loop nor is paid once per receipt. A receipt's promise settles only
 * after its transaction committed: nothing is answered before it is on disk. On PostgreSQL (and when asked for no
 * thread, or if the thread fails) a group is one transaction on the event loop; groups follow one another, so
 * receipts that arrive while one commits go together in the next.
 */
export class ReceiptWriter {
  private pending: Pending[] = [];
  private scheduled = false;
  private thread: Worker | undefined;
  private seq = 0;
  private readonly inFlight = new Map<number, Pending[]>();
  private drained: (() => void) | undefined;
  private committing = false;
  private readonly db: Db;

  constructor(
    private readonly database: Database,
    options: { thread?: boolean } = {},
  ) {
    this.db = database.db;
    if (options.thread !== false && database.dialect === 'sqlite' && database.file) this.thread = this.startThread(database.file);
  }

  /** Stores one receipt; resolves with its row once committed. */
  store(input: NewReceipt): Promise<DecisionRow> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row: receiptRow(input), resolve, reject });
      this.schedule();
    });
  }

  /** Commits what is waiting, waits for every commit under way, and ends the thread. */
  async close(): Promise<void> {
    while (this.pending.length || this.inFlight.size || this.committing) {
      if (this.pending.length && !this.committing) this.flush();
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    const thread = this.thread;
    this.thread = undefined;
    if (thread) {
      const exited = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage('close');
      await exited;
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private startThread(file: string): Worker {
    // A clean thread: it is plain JavaScript and needs none of the TypeScript loader's flags.
    const thread = new Worker(THREAD, {
      workerData: { path: file, synchronous: this.database.synchronous, sql: INSERT_RECEIPT },
      execArgv: [],
    });
    thread.on('message', (reply: Reply) => this.settle(reply));
    const fail = (e: unknown) => {
      if (this.thread !== thread) return;
      this.thread = undefined;
      for (const group of this.inFlight.values()) for (const p of group) p.reject(e);
      this.inFlight.clear();
      this.drained?.();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`the receipt writer's thread ended (${code})`)));
    // It must not keep a process alive by itself; an open request does.
    thread.unref();
    return thread;
  }

  private settle(reply: Reply): void {
    if ('done' in reply) {
      for (const seq of reply.done) {
        for (const p of this.inFlight.get(seq) ?? []) p.resolve({ ...p.row, jobId: null } as DecisionRow);
        this.inFlight.delete(seq);
      }
    } else {
      const error = Object.assign(new Error(reply.message), { code: reply.code });
      for (const p of this.inFlight.get(reply.failed) ?? []) p.reject(error);
      this.inFlight.delete(reply.failed);
    }
    if (!this.inFlight.size) this.drained?.();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.thread) {
      const group = this.pending;
      this.pending = [];
      const seq = ++this.seq;
      this.inFlight.set(seq, group);
      this.thread.postMessage({ seq, rows: group.map((p) => receiptValues(p.row)) });
      return;
    }
    // One group commits at a time; what arrives meanwhile waits for the next.
    if (this.committing || !this.pending.length) return;
    const group = this.pending;
    this.pending = [];
    this.committing = true;
    void this.commit(group).finally(() => {
      this.committing = false;
      if (this.pending.length) this.schedule();
      else this.drained?.();
    });
  }

  private async commit(group: Pending[]): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        for (const p of group) await insertReceipt(tx, p.row);
      });
    } catch (e) {
      for (const p of group) p.reject(e);
      return;
    }
    for (const p of group) p.resolve({ ...p.row, jobId: null } as DecisionRow);
  }
}
