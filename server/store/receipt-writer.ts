import type { Db } from '../db/open.ts';
import { type DecisionRow, insertReceipt, type NewReceipt, receiptRow } from './decisions.ts';

interface Pending {
  row: ReturnType<typeof receiptRow>;
  resolve(row: DecisionRow): void;
  reject(e: unknown): void;
}

/**
 * Stores receipts with group commit: the receipts of every request that is ready in the same turn of the event loop
 * go into one transaction, so that under load one sync to disk (synchronous=FULL) serves many answers instead of
 * one each. A receipt's promise settles only after its transaction committed: nothing is answered before it is on
 * disk. Nothing is awaited inside a transaction, so no other request's work can land in it.
 */
export class ReceiptWriter {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /** Stores one receipt; resolves with its row once committed. */
  store(input: NewReceipt): Promise<DecisionRow> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row: receiptRow(input), resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.pending;
    this.pending = [];
    try {
      this.db.$client.transaction(() => {
        for (const p of group) insertReceipt(this.db, p.row);
      })();
    } catch (e) {
      for (const p of group) p.reject(e);
      return;
    }
    for (const p of group) p.resolve({ ...p.row, jobId: null } as DecisionRow);
  }
}
