import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/handle.ts';
import { auditHead } from './audit.ts';

/** One published head of the audit chain, as a line of the anchor file. */
export interface AnchoredHead {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Publishes each new head of the audit chain outside the database: a JSON line in an append-only file and in the
 * server's log. Whoever holds a head can tell when entries up to it were later cut from the log.
 */
export class AuditAnchor {
  private last: AnchoredHead | undefined;
  private pending = false;
  private closed = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    readonly path: string,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.last = lastAnchoredHead(path);
  }

  /** The newest head written to the file (by this or an earlier start). */
  latest(): AnchoredHead | undefined {
    return this.last;
  }

  /** Writes the head soon; called once an entry has committed, so a rolled-back entry is never published. */
  schedule(): void {
    if (this.pending || this.closed) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (!this.closed)
        void this.flush().catch((e) =>
          this.log(JSON.stringify({ level: 'error', msg: 'audit head not written', error: String(e) })),
        );
    });
  }

  /** Writes the last head and takes no more: the database is closing. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /** Writes the committed head when it is newer than the last one written; one write at a time, in order. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** A head behind the file is reported, never written. */
  private async write(): Promise<void> {
    const head = await auditHead(this.db);
    if (!head) return;
    const last = this.last;
    if (last && head.seq <= last.seq) {
      if (head.seq < last.seq)
        this.log(
          JSON.stringify({
            level: 'error',
            msg: 'audit log ends before its published head',
            head: head.seq,
            published: last.seq,
          }),
        );
      return;
    }
    const line: AnchoredHead = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${JSON.stringify(line)}\n`, { mode: 0o600, flag: 'a' });
    this.log(JSON.stringify({ level: 'info', msg: 'audit head', seq: line.seq, hash: line.hash }));
    this.last = line;
  }
}

/** The last head in an anchor file, reading only its tail; undefined when there is no file or no head yet. */
export function lastAnchoredHead(path: string): AnchoredHead | undefined {
  if (!existsSync(path)) return undefined;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 8192);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n').filter(Boolean);
    for (const text of lines.reverse()) {
      try {
        const v = JSON.parse(text) as Partial<AnchoredHead>;
        if (typeof v.seq === 'number' && typeof v.hash === 'string') return { seq: v.seq, hash: v.hash, at: String(v.at ?? '') };
      } catch {
        // A torn last line (a crash mid-write) is skipped: the line before it is a head that was written whole.
      }
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
