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

/** Why the chain breaks at an entry: a number is skipped, the link to the entry before is wrong, or it was altered. */
export const CHAIN_BREAKS = ['MISSING_ENTRY', 'BROKEN_LINK', 'CONTENT_CHANGED'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** Where and why the chain breaks: `code` for a program (the UI words it), `reason` in English for a log. */
export interface BrokenChain {
  ok: false;
  seq: number;
  code: ChainBreak;
  reason: string;
  /** The number skipped, for MISSING_ENTRY. */
  missing?: number;
}

/** Checks the whole chain: the number of entries when it holds, or the first entry where it breaks. */
export function verifyAudit(db: Db): { ok: true; entries: number } | BrokenChain {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const e of db.select().from(auditLog).orderBy(asc(auditLog.seq)).all()) {
    if (e.seq !== expectedSeq) {
      return { ok: false, seq: e.seq, code: 'MISSING_ENTRY', missing: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    }
    if (e.prevHash !== prev) {
      return { ok: false, seq: e.seq, code: 'BROKEN_LINK', reason: 'it does not follow the entry before it' };
    }
    const { hash, ...rest } = e;
    if (entryHash(rest) !== hash) {
      return { ok: false, seq: e.seq, code: 'CONTENT_CHANGED', reason: 'its content does not match its hash' };
    }
    prev = hash;
    expectedSeq++;
    count++;
  }
  return { ok: true, entries: count };
}
