import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { readFiles, yamlFilesUnder } from '../../src/adapters/fs/read-rules.ts';
import type { Library } from '../../src/library.ts';
import { classify, loadLibrary, type RuleFile } from '../../src/load/load-library.ts';
import { formatProblem } from '../../src/load/problem.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import type { Db } from '../db/open.ts';
import { ruleFiles } from '../db/schema.ts';
import { prepared } from '../db/statements.ts';
import { appendAudit } from './audit.ts';

export type RuleFileRow = typeof ruleFiles.$inferSelect;

export function textHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The current revision of every published file. */
export function currentFiles(db: Db): RuleFileRow[] {
  const latest = new Map<string, RuleFileRow>();
  for (const row of db.select().from(ruleFiles).all()) {
    const seen = latest.get(row.path);
    if (!seen || seen.revision < row.revision) latest.set(row.path, row);
  }
  return [...latest.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The current revision of one file. */
export function currentFile(db: Db, path: string): RuleFileRow | undefined {
  return db.select().from(ruleFiles).where(eq(ruleFiles.path, path)).orderBy(desc(ruleFiles.revision)).limit(1).get();
}

/** One revision of one file. */
export function fileRevision(db: Db, path: string, revision: number): RuleFileRow | undefined {
  return db
    .select()
    .from(ruleFiles)
    .where(and(eq(ruleFiles.path, path), eq(ruleFiles.revision, revision)))
    .get();
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
export function publishFile(db: Db, file: RuleFile, actor: string, action: string, audit = true): RuleFileRow {
  const before = currentFile(db, file.path);
  const row = {
    path: file.path,
    revision: (before?.revision ?? 0) + 1,
    kind: classify(file.path),
    ...describe(file),
    yaml: file.text,
    hash: textHash(file.text),
    publishedBy: actor,
  };
  const inserted = db.insert(ruleFiles).values(row).returning().get();
  if (!audit) return inserted;
  appendAudit(db, {
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
export function differingFiles(db: Db, files: readonly RuleFile[]): { file: RuleFile; base?: RuleFileRow }[] {
  return files.flatMap((file) => {
    const base = currentFile(db, file.path);
    return base?.hash === textHash(file.text) ? [] : [{ file, ...(base ? { base } : {}) }];
  });
}

/**
 * Publishes a rules folder into an empty store (the first start): all or nothing, and only when the result loads
 * cleanly. On a store that holds law already nothing is published: the files that are new or differ are reported,
 * and an admin may open them as a change set for review.
 */
export function importRulesDir(db: Db, dir: string, prefix = 'rules'): { imported: string[]; differing: string[] } {
  const files = filesOfDir(dir, prefix);
  const empty = !db.$client.prepare(`SELECT 1 FROM rule_files WHERE path LIKE ? LIMIT 1`).get(`${prefix}/%`);
  if (!empty) return { imported: [], differing: differingFiles(db, files).map((d) => d.file.path) };
  db.transaction((tx) => {
    const store = tx as unknown as Db;
    for (const f of files) publishFile(store, f, 'system', 'import');
    const { problems } = loadLibrary(currentFiles(store).map(toRuleFile));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(`the rules do not load after import:\n${errors.map(formatProblem).join('\n')}`);
  });
  return { imported: files.map((f) => f.path), differing: [] };
}

export function toRuleFile(row: RuleFileRow): RuleFile {
  return { path: row.path, text: row.yaml };
}

/** The library of the published law, rebuilt only when something was published. */
export class LawCache {
  private library?: Library;
  private stamp = '';

  constructor(private readonly db: Db) {}

  /** The library for the current published files. */
  get(): Library {
    const stamp = this.currentStamp();
    if (!this.library || stamp !== this.stamp) {
      const { library, problems } = loadLibrary(currentFiles(this.db).map(toRuleFile));
      if (!library) throw new Error(`published rules do not load:\n${problems.map(formatProblem).join('\n')}`);
      this.library = library;
      this.stamp = stamp;
    }
    return this.library;
  }

  // Asked on every request: the newest id alone says what is published, since rule_files is append-only (triggers
  // refuse update and delete) and its ids are never reused; max(id) is one step down the rowid tree, count(*) a scan.
  private currentStamp(): string {
    const row = prepared(this.db, 'SELECT max(id) AS m FROM rule_files').get() as { m: number | null };
    return String(row.m ?? 0);
  }
}
