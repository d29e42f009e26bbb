import { z } from '@hono/zod-openapi';
import { LAW_ROOT } from '../../src/law/law-files.ts';
import { classify } from '../../src/load/load-library.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import type { ChangeSet, DraftFileRow, DraftRow } from '../store/drafts.ts';

/** A problem as the API reports it: file, line, column, a stable code, a sentence and how to fix it. */
export const ProblemSchema = z
  .object({
    file: z.string(),
    line: z.number(),
    col: z.number(),
    code: z.string(),
    message: z.string(),
    hint: z.string().optional(),
    severity: z.string(),
    example: z
      .object({
        question: z.string(),
        version: z.string(),
        date: z.string(),
        facts: z.record(z.string(), z.unknown()),
        outside: z.array(z.string()).optional(),
      })
      .optional()
      .openapi({ description: 'A finding of the static checks: a person and a day that show it' }),
  })
  .openapi('Problem');

export const DraftFile = z
  .object({
    path: z.string().openapi({ description: 'Where the file lies in rules/ once published, e.g. cis-benefit/2027-01-01.yaml' }),
    kind: z.string().openapi({ description: 'ruleset, parameters, tests, proposal, facts, questions or outcomes' }),
    yaml: z.string(),
    revision: z.number().openapi({ description: 'How many times the file was saved in this change set' }),
    base: z
      .object({ path: z.string(), revision: z.number() })
      .nullable()
      .openapi({ description: 'The published file it began as; null for a new file' }),
    updated_by: z.string(),
    updated_at: z.string(),
  })
  .openapi('DraftFile');

const STATUSES = ['draft', 'submitted', 'published', 'rejected'] as const;

export const Draft = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    question: z.string().nullable().openapi({ description: 'The question of its first rule-set file, if any' }),
    path: z.string().openapi({ description: 'Its first file, as rules/… (the single file of a one-file change set)' }),
    yaml: z.string().openapi({ description: 'The text of that first file' }),
    files: z.array(DraftFile),
    revision: z.number().openapi({ description: 'The change set’s revision: its ETag; every save of any file bumps it' }),
    status: z.enum(STATUSES),
    proposal: z.boolean(),
    revives_repealed: z.boolean(),
    author: z.string(),
    reviewer: z.string().nullable(),
    comment: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('Draft');
export type DraftView = z.infer<typeof Draft>;

/** A path of the API: relative to rules/. */
export function apiPath(stored: string): string {
  return stored.startsWith(LAW_ROOT) ? stored.slice(LAW_ROOT.length) : stored;
}

/** A path as stored: under rules/. */
export function storedPath(api: string): string {
  return `${LAW_ROOT}${api.replace(/^\/+/, '').replace(/^rules\//, '')}`;
}

/** The file a one-file client edits: the first rule set or proposal, else the first file. */
export function primaryFile(files: readonly DraftFileRow[]): DraftFileRow | undefined {
  return files.find((f) => ['ruleset', 'proposal'].includes(classify(f.path))) ?? files[0];
}

function questionOf(file: DraftFileRow | undefined): string | null {
  if (!file || !['ruleset', 'proposal'].includes(classify(file.path))) return null;
  const value = parseSource(file.path, file.yaml).value as { question?: unknown } | undefined;
  return typeof value?.question === 'string' ? value.question : null;
}

function fileView(f: DraftFileRow) {
  return {
    path: apiPath(f.path),
    kind: classify(f.path),
    yaml: f.yaml,
    revision: f.revision,
    base: f.basePath && f.baseRevision !== null ? { path: apiPath(f.basePath), revision: f.baseRevision } : null,
    updated_by: f.updatedBy,
    updated_at: f.updatedAt,
  };
}

/** A change set as the API shows it. */
export function view(cs: ChangeSet): DraftView {
  const d: DraftRow = cs.row;
  const first = primaryFile(cs.files);
  return {
    id: d.id,
    title: d.title,
    question: questionOf(first),
    path: first?.path ?? '',
    yaml: first?.yaml ?? '',
    files: cs.files.map(fileView),
    revision: d.revision,
    status: d.status as DraftView['status'],
    proposal: d.proposal,
    revives_repealed: d.revivesRepealed,
    author: d.authorId,
    reviewer: d.reviewerId,
    comment: d.comment,
    updated_at: d.updatedAt,
  };
}

export const etag = (cs: ChangeSet) => `"${cs.row.revision}"`;

/** What validating a change set (saved or with typed text) answers. */
export const ValidationResult = z
  .object({ valid: z.boolean(), path: z.string(), problems: z.array(ProblemSchema) })
  .openapi('ValidationResult');

/** A change the tests do not show, named for the reviewer. */
export const UntestedSchema = z
  .object({
    kind: z.enum(['rule', 'result', 'value']),
    question: z.string().optional(),
    outcome: z.string().optional(),
    version: z.string().optional(),
    rule: z.string().optional(),
    basis: z.string().optional(),
    change: z.string().optional(),
    parameter: z.string().optional(),
    from: z.string().optional(),
    until: z.string().nullable().optional(),
    value: z.number().optional(),
    text: z.object({ pl: z.string(), en: z.string() }),
  })
  .openapi('UntestedChange');

export const CaseOutcomeSchema = z
  .object({
    file: z.string(),
    line: z.number(),
    index: z.number(),
    name: z.string(),
    question: z.string(),
    date: z.string(),
    passed: z.boolean(),
    failures: z.array(z.string()),
    answer: z.record(z.string(), z.unknown()).optional(),
    published_answer: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'The answer of the published law, beside a failing case' }),
  })
  .openapi('CaseOutcome');

export const TestRunResult = z
  .object({
    valid: z.boolean(),
    passed: z.number(),
    failed: z.number(),
    results: z.array(CaseOutcomeSchema),
    problems: z.array(ProblemSchema),
    untested: z.array(UntestedSchema),
  })
  .openapi('TestRunResult');
