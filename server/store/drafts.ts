import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { draftEdits, draftExpectations, draftFiles, drafts } from '../db/schema.ts';
import { appendAudit } from './audit.ts';
import { textHash } from './rule-files.ts';

export type DraftRow = typeof drafts.$inferSelect;
export type DraftFileRow = typeof draftFiles.$inferSelect;
export type DraftExpectationRow = typeof draftExpectations.$inferSelect;
export type DraftStatus = 'draft' | 'submitted' | 'published' | 'rejected';

/** A change set with its files, in path order. */
export interface ChangeSet {
  row: DraftRow;
  files: DraftFileRow[];
}

/** A file as a change set is opened with or saved. */
export interface FileInput {
  path: string;
  yaml: string;
  basePath?: string | null;
  baseRevision?: number | null;
}

/** Opens a change set holding the given files (none for an empty one), as the editor's own copies. */
export function openChangeSet(
  db: Db,
  input: { id?: string; title?: string | null; proposal: boolean; authorId: string; files: FileInput[]; action?: string },
): Promise<ChangeSet> {
  const id = input.id ?? randomUUID();
  return db.transaction(async (store) => {
    const [row] = await store
      .insert(drafts)
      .values({ id, title: input.title ?? null, proposal: input.proposal, authorId: input.authorId })
      .returning();
    for (const f of input.files) {
      await store.insert(draftFiles).values({
        draftId: id,
        path: f.path,
        yaml: f.yaml,
        basePath: f.basePath ?? null,
        baseRevision: f.baseRevision ?? null,
        updatedBy: input.authorId,
      });
    }
    await store.insert(draftEdits).values({ draftId: id, revision: 1, path: null, action: 'open', actor: input.authorId });
    await appendAudit(store, {
      actor: input.authorId,
      action: input.action ?? 'draft.open',
      subject: `draft:${id}`,
      detail: { proposal: input.proposal, files: input.files.map((f) => ({ path: f.path, after: textHash(f.yaml) })) },
    });
    return { row: row as DraftRow, files: await filesOf(store, id) };
  });
}

function filesOf(db: Db, id: string): Promise<DraftFileRow[]> {
  return db.select().from(draftFiles).where(eq(draftFiles.draftId, id)).orderBy(asc(draftFiles.path));
}

/** One change set with its files. */
export async function getChangeSet(db: Db, id: string): Promise<ChangeSet | undefined> {
  const [row] = await db.select().from(drafts).where(eq(drafts.id, id));
  return row && { row, files: await filesOf(db, id) };
}

/** Every change set, most recently changed first, with its files. */
export async function listChangeSets(db: Db): Promise<ChangeSet[]> {
  const rows = await db.select().from(drafts).orderBy(desc(drafts.updatedAt));
  const files = rows.length
    ? await db
        .select()
        .from(draftFiles)
        .where(
          inArray(
            draftFiles.draftId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(draftFiles.path))
    : [];
  return rows.map((row) => ({ row, files: files.filter((f) => f.draftId === row.id) }));
}

/** A change, refused when the change set moved on since `expected`: nothing is changed and the current state comes back. */
export type Edit = { ok: true; changeSet: ChangeSet } | { ok: false; current: ChangeSet };

/**
 * Runs `change` on a change set when `expected` is still its revision: bumps the revision, returns a submitted
 * change set to draft (what was reviewed is no longer what is there), and records who edited it, all in one
 * transaction with its audit entry.
 */
function edit(
  db: Db,
  id: string,
  expected: number,
  actor: string,
  record: { action: string; path: string | null; hash?: string | null; detail?: Record<string, unknown> },
  change: (store: Db) => Promise<{ beforeHash: string | null } | undefined>,
): Promise<Edit> {
  return db.transaction(async (store) => {
    const current = (await getChangeSet(store, id)) as ChangeSet;
    if (current.row.revision !== expected) return { ok: false as const, current };
    const { beforeHash = null } = (await change(store)) ?? {};
    const revision = current.row.revision + 1;
    await store.update(drafts).set({ revision, status: 'draft', updatedAt: new Date().toISOString() }).where(eq(drafts.id, id));
    await store
      .insert(draftEdits)
      .values({ draftId: id, revision, path: record.path, action: record.action, actor, hash: record.hash ?? null });
    await appendAudit(store, {
      actor,
      action: `draft.${record.action}`,
      subject: `draft:${id}`,
      beforeHash,
      afterHash: record.hash ?? null,
      detail: { revision, ...(record.path ? { path: record.path } : {}), ...(record.detail ?? {}) },
    });
    return { ok: true as const, changeSet: (await getChangeSet(store, id)) as ChangeSet };
  });
}

/**
 * Saves one file of a change set (adding it when new). `moveFrom` names the file it replaces when its path
 * changed (a version whose valid_from moved); the file keeps the published file it began as.
 */
export function saveFile(
  db: Db,
  id: string,
  file: { path: string; yaml: string; moveFrom?: string; basePath?: string | null; baseRevision?: number | null },
  expected: number,
  actor: string,
): Promise<Edit> {
  const from = file.moveFrom ?? file.path;
  return edit(
    db,
    id,
    expected,
    actor,
    { action: 'save', path: file.path, hash: textHash(file.yaml), detail: from !== file.path ? { moved_from: from } : {} },
    async (store) => {
      const [before] = await store
        .select()
        .from(draftFiles)
        .where(and(eq(draftFiles.draftId, id), eq(draftFiles.path, from)));
      if (before) await store.delete(draftFiles).where(and(eq(draftFiles.draftId, id), eq(draftFiles.path, from)));
      await store.insert(draftFiles).values({
        draftId: id,
        path: file.path,
        yaml: file.yaml,
        basePath: before ? before.basePath : (file.basePath ?? null),
        baseRevision: before ? before.baseRevision : (file.baseRevision ?? null),
        revision: (before?.revision ?? 0) + 1,
        updatedBy: actor,
      });
      return { beforeHash: before ? textHash(before.yaml) : null };
    },
  );
}

/** Drops one file from a change set (the published law is untouched: history is never deleted). */
export function dropFile(db: Db, id: string, path: string, expected: number, actor: string): Promise<Edit> {
  return edit(db, id, expected, actor, { action: 'drop', path }, async (store) => {
    await store.delete(draftFiles).where(and(eq(draftFiles.draftId, id), eq(draftFiles.path, path)));
    return undefined;
  });
}

/** Changes what the author says of the change set as a whole (its title; that it revives a repealed question). */
export function setChangeSetFields(
  db: Db,
  id: string,
  fields: { title?: string | null; revivesRepealed?: boolean },
  expected: number,
  actor: string,
): Promise<Edit> {
  return edit(db, id, expected, actor, { action: 'describe', path: null, detail: { fields } }, async (store) => {
    await store.update(drafts).set(fields).where(eq(drafts.id, id));
    return undefined;
  });
}

/** Rewrites a test file's expectation on purpose, keeping the author's reason for the reviewer. */
export function acceptExpectation(
  db: Db,
  id: string,
  input: { path: string; yaml: string; caseName: string; question: string; changes: unknown; reason: string },
  expected: number,
  actor: string,
  base: { basePath: string | null; baseRevision: number | null },
): Promise<Edit> {
  return edit(
    db,
    id,
    expected,
    actor,
    { action: 'accept', path: input.path, hash: textHash(input.yaml), detail: { case: input.caseName, reason: input.reason } },
    async (store) => {
      const [before] = await store
        .select()
        .from(draftFiles)
        .where(and(eq(draftFiles.draftId, id), eq(draftFiles.path, input.path)));
      if (before)
        await store
          .update(draftFiles)
          .set({ yaml: input.yaml, revision: before.revision + 1, updatedBy: actor, updatedAt: new Date().toISOString() })
          .where(and(eq(draftFiles.draftId, id), eq(draftFiles.path, input.path)));
      else await store.insert(draftFiles).values({ draftId: id, path: input.path, yaml: input.yaml, ...base, updatedBy: actor });
      await store.insert(draftExpectations).values({
        draftId: id,
        path: input.path,
        caseName: input.caseName,
        question: input.question,
        changes: JSON.stringify(input.changes),
        reason: input.reason,
        actor,
      });
      return { beforeHash: before ? textHash(before.yaml) : null };
    },
  );
}

/** The expectations changed on purpose in a change set, oldest first. */
export function expectationsOf(db: Db, id: string): Promise<DraftExpectationRow[]> {
  return db.select().from(draftExpectations).where(eq(draftExpectations.draftId, id)).orderBy(asc(draftExpectations.id));
}

/** Everyone who wrote any part of a change set: they may not approve it. */
export async function authorsOf(db: Db, id: string): Promise<Set<string>> {
  const rows = await db.select({ actor: draftEdits.actor }).from(draftEdits).where(eq(draftEdits.draftId, id));
  const set = new Set(rows.map((r) => r.actor));
  const [row] = await db.select({ authorId: drafts.authorId }).from(drafts).where(eq(drafts.id, id));
  if (row) set.add(row.authorId);
  return set;
}

/** Moves a change set to a new status, recording who and why (publishing records its own, richer entry). */
export function setDraftStatus(
  db: Db,
  id: string,
  status: DraftStatus,
  actor: string,
  extra: { reviewerId?: string; comment?: string } = {},
  audit: { action?: string; detail?: Record<string, unknown> } | false = {},
): Promise<DraftRow> {
  return db.transaction(async (store) => {
    const [row] = await store
      .update(drafts)
      .set({ status, ...extra, updatedAt: new Date().toISOString() })
      .where(eq(drafts.id, id))
      .returning();
    if (audit !== false)
      await appendAudit(store, {
        actor,
        action: audit.action ?? `draft.${status}`,
        subject: `draft:${id}`,
        detail: { ...(extra.comment ? { comment: extra.comment } : {}), ...(audit.detail ?? {}) },
      });
    return row as DraftRow;
  });
}
