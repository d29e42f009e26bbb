import { createHash } from 'node:crypto';
import { asc, desc } from 'drizzle-orm';
import { canonicalJson } from '../../src/ir/hash.ts';
import type { Db } from '../db/open.ts';
import { auditLog } from '../db/schema.ts';

/** What an audit entry records. */
export interface AuditInput {
  actor: string;
  action: string;
  subject: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  detail?: Record<string, unknown>;
}

export type AuditEntry = typeof auditLog.$inferSelect;

const GENESIS = 'sha256:genesis';

/** The hash of an entry: its content and the previous entry's hash, so no entry can change unseen. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const content = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    beforeHash: e.beforeHash,
    afterHash: e.afterHash,
    detail: e.detail,
    prevHash: e.prevHash,
  });
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Appends an entry to the chain; call inside the transaction of the change it records. */
export function appendAudit(db: Db, input: AuditInput): AuditEntry {
  const last = db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    beforeHash: input.beforeHash ?? null,
    afterHash: input.afterHash ?? null,
    detail: JSON.stringify(input.detail ?? {}),
    prevHash: last?.hash ?? GENESIS,
  };
  const entry = { ...base, hash: entryHash(base) };
  db.insert(auditLog).values(entry).run();
  return entry;
}

/** Checks the whole chain; returns the first broken entry, or undefined when it holds. */
export function verifyAudit(db: Db): { ok: true; entries: number } | { ok: false; seq: number; reason: string } {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const e of db.select().from(auditLog).orderBy(asc(auditLog.seq)).all()) {
    if (e.seq !== expectedSeq) return { ok: false, seq: e.seq, reason: `entry ${expectedSeq} is missing` };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, reason: 'it does not follow the entry before it' };
    const { hash, ...rest } = e;
    if (entryHash(rest) !== hash) return { ok: false, seq: e.seq, reason: 'its content does not match its hash' };
    prev = hash;
    expectedSeq++;
    count++;
  }
  return { ok: true, entries: count };
}
