import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { parseDocument } from 'yaml';
import type { Db } from '../db/open.ts';
import { drafts } from '../db/schema.ts';
import { appendAudit } from './audit.ts';
import { textHash } from './rule-files.ts';

export type DraftRow = typeof drafts.$inferSelect;
export type DraftStatus = 'draft' | 'submitted' | 'published' | 'rejected';

/** Opens a draft from a published file's text (or from new text), as the editor's own copy. */
export function openDraft(
  db: Db,
  input: {
    question: string | null;
    path: string;
    basePath: string | null;
    baseRevision: number | null;
    yaml: string;
    proposal: boolean;
    authorId: string;
  },
): DraftRow {
  const id = randomUUID();
  return db.transaction((tx) => {
    const row = tx
      .insert(drafts)
      .values({ id, ...input })
      .returning()
      .get();
    appendAudit(tx as unknown as Db, {
      actor: input.authorId,
      action: 'draft.open',
      subject: `draft:${id}`,
      afterHash: textHash(input.yaml),
      detail: { path: input.path, proposal: input.proposal },
    });
    return row;
  });
}

export function getDraft(db: Db, id: string): DraftRow | undefined {
  return db.select().from(drafts).where(eq(drafts.id, id)).get();
}

export function listDrafts(db: Db): DraftRow[] {
  return db.select().from(drafts).orderBy(desc(drafts.updatedAt)).all();
}

/** Saves new text when `expectedRevision` is still current; otherwise nothing changes and the current row comes back. */
export function saveDraft(
  db: Db,
  id: string,
  yaml: string,
  expectedRevision: number,
  actor: string,
): { ok: true; row: DraftRow } | { ok: false; current: DraftRow } {
  return db.transaction((tx) => {
    const current = tx.select().from(drafts).where(eq(drafts.id, id)).get() as DraftRow;
    if (current.revision !== expectedRevision) return { ok: false as const, current };
    const row = tx
      .update(drafts)
      .set({ yaml, revision: current.revision + 1, status: 'draft', updatedAt: new Date().toISOString() })
      .where(eq(drafts.id, id))
      .returning()
      .get();
    appendAudit(tx as unknown as Db, {
      actor,
      action: 'draft.save',
      subject: `draft:${id}`,
      beforeHash: textHash(current.yaml),
      afterHash: textHash(yaml),
      detail: { revision: row.revision },
    });
    return { ok: true as const, row };
  });
}

/** Moves a draft to a new status, recording who and why. */
export function setDraftStatus(
  db: Db,
  id: string,
  status: DraftStatus,
  actor: string,
  extra: { reviewerId?: string; comment?: string } = {},
): DraftRow {
  return db.transaction((tx) => {
    const row = tx
      .update(drafts)
      .set({ status, ...extra, updatedAt: new Date().toISOString() })
      .where(eq(drafts.id, id))
      .returning()
      .get();
    appendAudit(tx as unknown as Db, {
      actor,
      action: `draft.${status}`,
      subject: `draft:${id}`,
      afterHash: textHash(row.yaml),
      detail: extra.comment ? { comment: extra.comment } : {},
    });
    return row;
  });
}

/** The text with `valid_from` (and, for proposals, `kind`) set, keeping the author's formatting and comments. */
export function withFields(yaml: string, fields: Record<string, string>): string {
  const doc = parseDocument(yaml);
  for (const [k, v] of Object.entries(fields)) doc.set(k, v);
  return String(doc);
}
