import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { readFiles, yamlFilesUnder } from '../../src/adapters/fs/read-rules.ts';
import type { Library } from '../../src/library.ts';
import { classify, loadLibrary, type RuleFile } from '../../src/load/load-library.ts';
import { formatProblem } from '../../src/load/problem.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import { afterCommit, dialectOf } from '../db/handle.ts';
import type { Db } from '../db/open.ts';
import { exclusive, query, queryOne } from '../db/raw.ts';
import { ruleFiles } from '../db/schema.ts';
import { appendAudit } from './audit.ts';

export type RuleFileRow = typeof ruleFiles.$inferSelect;

/** Taken by the first start's import, so that nodes starting together import the law once. */
const IMPORT_LOCK = 0x5249494d; // 'RIIM'

export function textHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The current revision of every published file. */
export async function currentFiles(db: Db): Promise<RuleFileRow[]> {
  const latest = new Map<string, RuleFileRow>();
  for (const row of await db.select().from(ruleFiles)) {
    const seen = latest.get(row.path);
    if (!seen || seen.revision < row.revision) latest.set(row.path, row);
  }
  return [...latest.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The current revision of one file. */
export async function currentFile(db: Db, path: string): Promise<RuleFileRow | undefined> {
  const [row] = await db.select().from(ruleFiles).where(eq(ruleFiles.path, path)).orderBy(desc(ruleFiles.revision)).limit(1);
  return row;
}

/** One revision of one file. */
export async function fileRevision(db: Db, path: string, revision: number): Promise<RuleFileRow | undefined> {
  const [row] = await db
    .select()
    .from(ruleFiles)
    .where(and(eq(ruleFiles.path, path), eq(ruleFiles.revision, revision)));
  return row;
}

/** The question and version a rule-set file declares (for listing without loading). */
function describe(file: RuleFile): { question: string | null; version: string | null } {
  const kind = classify(file.path);
  if (kind !== 'ruleset' && kind !== 'proposal') return { question: null, version: null };
  const value = parseSource(file.path, file.text).value as { question?: unknown; valid_from?: unknown } | undefined;
  return {
    question: typeof value?.question === 'string' ? value.question : null,
    version: typeof value?.valid_from === 'string' ? value.valid_from : null,
  };
}

/**
 * Publishes a new revision of a file (a version file gets revision 1 and never another). With `audit` false the
 * caller records the publication itself (a change set records all its files in one entry).
 */
export async function publishFile(db: Db, file: RuleFile, actor: string, action: string, audit = true): Promise<RuleFileRow> {
  const before = await currentFile(db, file.path);
  const row = {
    path: file.path,
    revision: (before?.revision ?? 0) + 1,
    kind: classify(file.path),
    ...describe(file),
    yaml: file.text,
    hash: textHash(file.text),
    publishedBy: actor,
  };
  const [inserted] = await db.insert(ruleFiles).values(row).returning();
  if (!inserted) throw new Error(`${file.path} was not published`);
  if (!audit) return inserted;
  await appendAudit(db, {
    actor,
    action,
    subject: file.path,
    beforeHash: before?.hash ?? null,
    afterHash: row.hash,
    detail: { revision: row.revision },
  });
  return inserted;
}

/** The YAML files of a folder with the paths they have in the store (`rules/…`), whatever folder they came from. */
export function filesOfDir(dir: string, prefix = 'rules'): RuleFile[] {
  const root = resolve(dir);
  const paths = yamlFilesUnder(root);
  return readFiles(paths).map((f, i) => ({
    path: `${prefix}/${relative(root, paths[i] as string)
      .split(sep)
      .join('/')}`,
    text: f.text,
  }));
}

/** The files of `files` that are new or differ from the published law: what a change set importing them holds. */
export async function differingFiles(db: Db, files: readonly RuleFile[]): Promise<{ file: RuleFile; base?: RuleFileRow }[]> {
  const current = new Map((await currentFiles(db)).map((r) => [r.path, r]));
  return files.flatMap((file) => {
    const base = current.get(file.path);
    return base?.hash === textHash(file.text) ? [] : [{ file, ...(base ? { base } : {}) }];
  });
}

/**
 * Publishes a rules folder into an empty store (the first start): all or nothing, and only when the result loads
 * cleanly. On a store that holds law already nothing is published: the files that are new or differ are reported,
 * and an admin may open them as a change set for review.
 */
export async function importRulesDir(
  db: Db,
  dir: string,
  prefix = 'rules',
): Promise<{ imported: string[]; differing: string[] }> {
  const files = filesOfDir(dir, prefix);
  const empty = !(await queryOne(db, 'SELECT 1 AS one FROM rule_files WHERE path LIKE ? LIMIT 1', [`${prefix}/%`]));
  if (!empty) return { imported: [], differing: (await differingFiles(db, files)).map((d) => d.file.path) };
  const imported = await db.transaction(async (store) => {
    // Checked again under the lock: another node starting at the same time may have imported first.
    await exclusive(store, IMPORT_LOCK);
    if (await queryOne(store, 'SELECT 1 AS one FROM rule_files WHERE path LIKE ? LIMIT 1', [`${prefix}/%`])) return false;
    for (const f of files) await publishFile(store, f, 'system', 'import');
    const { problems } = loadLibrary((await currentFiles(store)).map(toRuleFile));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(`the rules do not load after import:\n${errors.map(formatProblem).join('\n')}`);
    await announcePublication(store);
    return true;
  });
  return { imported: imported ? files.map((f) => f.path) : [], differing: [] };
}

export function toRuleFile(row: RuleFileRow): RuleFile {
  return { path: row.path, text: row.yaml };
}

/** The channel on which PostgreSQL tells every node that law was published. */
export const LAW_CHANNEL = 'reintegra_law';

/**
 * Tells every node that the law changed, once the publishing transaction commits (PostgreSQL delivers a NOTIFY at
 * commit, and never after a rollback). On SQLite each request reads the newest id itself: nothing to say.
 */
export async function announcePublication(tx: Db): Promise<void> {
  afterCommit(tx, () => {
    publishedHere++;
  });
  if (dialectOf(tx) === 'pg') await query(tx, `SELECT pg_notify('${LAW_CHANNEL}', 'published') AS sent`);
}

/** Publications committed by this process: its own law caches see them at once, without asking the database. */
let publishedHere = 0;

/** The library of the published law, rebuilt only when something was published. */
export class LawCache {
  private library?: Library;
  private stamp = '';
  private checkedAt = 0;
  private seen = -1;
  private loading: Promise<Library> | undefined;

  /**
   * `recheckMs`: how long the stamp read last holds before it is read again: 0 reads it on every request (SQLite with
   * several processes, where another may publish); Infinity never (one process alone on SQLite: what it publishes
   * itself it sees at once); on PostgreSQL a second, besides a notification from any node {@link invalidate}s it.
   */
  constructor(
    private readonly db: Db,
    private readonly options: { recheckMs?: number } = {},
  ) {}

  /** The law may have changed (a publication here or on another node): the next request reads the stamp again. */
  invalidate(): void {
    this.checkedAt = 0;
    this.seen = -1;
  }

  /** The library for the current published files. */
  async get(): Promise<Library> {
    const recheck = this.options.recheckMs ?? 0;
    const now = Date.now();
    if (this.library && this.seen === publishedHere && recheck > 0 && now - this.checkedAt < recheck) return this.library;
    // One load at a time: requests arriving while the law is rebuilt wait for the same library.
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(now: number): Promise<Library> {
    this.seen = publishedHere;
    const stamp = await this.currentStamp();
    this.checkedAt = now;
    if (!this.library || stamp !== this.stamp) {
      const { library, problems } = loadLibrary((await currentFiles(this.db)).map(toRuleFile));
      if (!library) throw new Error(`published rules do not load:\n${problems.map(formatProblem).join('\n')}`);
      this.library = library;
      this.stamp = stamp;
    }
    return this.library;
  }

  // The newest id alone says what is published, since rule_files is append-only (triggers refuse update and delete)
  // and its ids are never reused; max(id) is one step down the primary key's index, count(*) a scan.
  private async currentStamp(): Promise<string> {
    const row = await queryOne<{ m: number | null }>(this.db, 'SELECT max(id) AS m FROM rule_files');
    return String(row?.m ?? 0);
  }
}
