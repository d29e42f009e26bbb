import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { parseCaseFiles } from '../../src/cases/run-cases.ts';
import { diffCaseFiles, diffParameterFiles, diffRuleSets } from '../../src/diff/index.ts';
import { parameterSentences, ruleSetSentences } from '../../src/law/change-sentences.ts';
import { expectationLine } from '../../src/law/expectation-text.ts';
import type { Library } from '../../src/library.ts';
import { classify } from '../../src/load/load-library.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import type { LocalText } from '../../src/schema/common.ts';
import { ParameterFile } from '../../src/schema/parameters.ts';
import { RuleSetDocument } from '../../src/schema/ruleset.ts';
import { can } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { type DraftFileRow, expectationsOf } from '../store/drafts.ts';
import { currentFile, type LawCache, textHash } from '../store/rule-files.ts';
import { AgainstQuery, DraftDiffResponse, parsed, respond } from './diff.ts';
import { versionInForceFor } from './diff-against.ts';
import { apiPath, primaryFile, storedPath } from './draft-schemas.ts';
import { changeSetOr404 } from './drafts.ts';

const FileChange = z
  .object({
    path: z.string(),
    kind: z.string(),
    status: z.enum(['added', 'changed', 'unchanged']),
    before_hash: z.string().nullable(),
    after_hash: z.string(),
    lines: z.array(z.object({ pl: z.string(), en: z.string() })),
    sentences: z.array(z.object({ pl: z.string(), en: z.string() })).openapi({
      description:
        'The change as the law reads: each provision changed with its sentence and when it applies, before and after; each dated value with its label, day and formatted amount',
    }),
  })
  .openapi('DraftFileChange');

const ChangesResponse = z
  .object({
    files: z.array(FileChange),
    expectations: z
      .array(
        z.object({
          path: z.string(),
          case: z.string(),
          reason: z.string(),
          actor: z.string(),
          at: z.string(),
          line: z.object({ pl: z.string(), en: z.string() }),
        }),
      )
      .openapi({ description: 'Test expectations the author changed on purpose, each with the reason' }),
  })
  .openapi('DraftChanges');

const DiffQuery = AgainstQuery.extend({
  path: z
    .string()
    .max(300)
    .optional()
    .openapi({
      param: { name: 'path', in: 'query' },
      description: 'The file of the change set, in rules/; by default its first file',
    }),
});

function questionOf(f: DraftFileRow): string | null {
  const value = parseSource(f.path, f.yaml).value as { question?: unknown } | undefined;
  return typeof value?.question === 'string' ? value.question : null;
}

/** The lines a reviewer reads for one file of a change set, against the published law; none when they cannot be made. */
async function linesFor(db: Db, f: DraftFileRow, library: Library): Promise<LocalText[]> {
  const kind = classify(f.path);
  const base = (await currentFile(db, f.path)) ?? (f.basePath ? await currentFile(db, f.basePath) : undefined);
  try {
    if (kind === 'ruleset') {
      const doc = parsed(RuleSetDocument, f.yaml, 'the file');
      const ir = (() => {
        try {
          return versionInForceFor({ question: questionOf(f), yaml: f.yaml }, library);
        } catch {
          return undefined;
        }
      })();
      if (!ir) return [{ pl: 'Nowe pytanie: pierwsza wersja.', en: 'A new question: its first version.' }];
      return diffRuleSets(ir.document, doc).changes.map((c) => c.summary);
    }
    if (kind === 'parameters') {
      const after = parsed(ParameterFile, f.yaml, 'the file');
      return diffParameterFiles(
        base ? parsed(ParameterFile, base.yaml, 'the published file') : { ...after, parameters: {} },
        after,
      ).changes.map((c) => c.summary);
    }
    if (kind === 'tests') {
      const now = parseCaseFiles([{ path: f.path, text: f.yaml }]).cases.map((c) => c.case);
      const was = base ? parseCaseFiles([{ path: base.path, text: base.yaml }]).cases.map((c) => c.case) : [];
      return diffCaseFiles(f.path, was, now, library.catalogue).changes.map((c) => c.summary);
    }
  } catch {
    return [
      { pl: 'Pliku nie da się porównać, dopóki nie przejdzie walidacji.', en: 'The file cannot be compared until it validates.' },
    ];
  }
  return [{ pl: 'Zmieniony plik (porównaj tekst).', en: 'A changed file (compare the text).' }];
}

/** The sentences a reviewer reads for one file: its provisions and values as the law reads; none when they cannot be made. */
async function sentencesFor(db: Db, f: DraftFileRow, library: Library): Promise<LocalText[]> {
  const kind = classify(f.path);
  try {
    if (kind === 'ruleset' || kind === 'proposal') {
      const doc = parsed(RuleSetDocument, f.yaml, 'the file');
      let before: RuleSetDocument | undefined;
      try {
        before = versionInForceFor({ question: questionOf(f), yaml: f.yaml }, library).document;
      } catch {
        before = undefined;
      }
      return ruleSetSentences(before, doc, library.catalogue);
    }
    if (kind === 'parameters') {
      const base = (await currentFile(db, f.path)) ?? (f.basePath ? await currentFile(db, f.basePath) : undefined);
      return parameterSentences(
        base ? parsed(ParameterFile, base.yaml, 'the published file') : undefined,
        parsed(ParameterFile, f.yaml, 'the file'),
      );
    }
  } catch {
    return [];
  }
  return [];
}

/** What a change set changes, file by file, and the diff of one file against what it began as or the version in force. */
export function draftDiffRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const { db } = deps;
  const guard = requirePermission('draft', 'review');
  app.use('/api/v1/drafts/:id/diff', guard);
  app.use('/api/v1/drafts/:id/changes', guard);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts/{id}/changes',
      tags: ['drafts'],
      summary:
        'Every file of the change set with its hashes before and after and a line per change, and each test expectation changed on purpose with its reason',
      request: { params: IdParam },
      responses: { 200: { ...json(ChangesResponse), description: 'The change set, line by line' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const library = await deps.law.get();
      const files = [];
      for (const f of cs.files) {
        const before = await currentFile(db, f.path);
        const after = textHash(f.yaml);
        const status: 'added' | 'changed' | 'unchanged' = !before ? 'added' : before.hash === after ? 'unchanged' : 'changed';
        files.push({
          path: apiPath(f.path),
          kind: classify(f.path),
          status,
          before_hash: before?.hash ?? null,
          after_hash: after,
          lines: status === 'unchanged' ? [] : await linesFor(db, f, library),
          sentences: status === 'unchanged' ? [] : await sentencesFor(db, f, library),
        });
      }
      const expectations = (await expectationsOf(db, cs.row.id)).map((e) => ({
        path: apiPath(e.path),
        case: e.caseName,
        reason: e.reason,
        actor: e.actor,
        at: e.at,
        line: expectationLine(e.caseName, JSON.parse(e.changes), e.reason, library.catalogue),
      }));
      return c.json({ files, expectations }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts/{id}/diff',
      tags: ['drafts'],
      summary:
        'What one file of the change set changes against the published file it started from, or the version in force on its date',
      request: { params: IdParam, query: DiffQuery },
      responses: { 200: { ...json(DraftDiffResponse), description: 'The diff and what it was against' }, ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      if (!p || !(can(p.role, 'draft') || can(p.role, 'review')))
        throw new ApiError(403, 'FORBIDDEN', 'drafts are for editors and reviewers');
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const query = c.req.valid('query');
      const file = query.path ? cs.files.find((f) => f.path === storedPath(query.path as string)) : primaryFile(cs.files);
      if (!file)
        throw new ApiError(
          404,
          'NOT_FOUND',
          query.path ? `the change set holds no file ${query.path}` : 'the change set holds no file',
        );
      const base = file.basePath ? await currentFile(db, file.basePath) : undefined;
      const kind = classify(file.path);
      if (kind !== 'ruleset' && kind !== 'proposal' && kind !== 'parameters') {
        // Test cases by name; the catalogue as text: against the published file at the same place.
        const published = (await currentFile(db, file.path)) ?? base;
        const against = { path: published?.path ?? file.path, version: null, valid_from: null };
        const was = published ? parseCaseFiles([{ path: published.path, text: published.yaml }]).cases.map((x) => x.case) : [];
        const now = parseCaseFiles([{ path: file.path, text: file.yaml }]).cases.map((x) => x.case);
        const diff =
          kind === 'tests'
            ? diffCaseFiles(file.path, was, now, (await deps.law.get()).catalogue)
            : { file: file.path, changes: [] };
        return c.json({ ...respond(diff), against }, 200);
      }
      // A parameters file is one file per topic: the file it started from is the one in force.
      if (base?.kind === 'parameters') {
        const against = { path: base.path, version: null, valid_from: null };
        const diff = diffParameterFiles(
          parsed(ParameterFile, base.yaml, 'the published file', { against }),
          parsed(ParameterFile, file.yaml, 'the draft', { against }),
        );
        return c.json({ ...respond(diff), against }, 200);
      }
      if (query.against === 'in_force') {
        // The date first: a file whose valid_from cannot be read is told so, not that it fails the schema.
        const ir = versionInForceFor({ question: questionOf(file), yaml: file.yaml }, await deps.law.get());
        const against = { path: ir.file, version: ir.name, valid_from: ir.validFrom };
        const diff = diffRuleSets(ir.document, parsed(RuleSetDocument, file.yaml, 'the draft', { against }));
        return c.json({ ...respond(diff), against }, 200);
      }
      if (!base) throw new ApiError(404, 'NO_BASE', 'this file did not start from a published file');
      const against = { path: base.path, version: base.version, valid_from: base.version };
      const diff = diffRuleSets(
        parsed(RuleSetDocument, base.yaml, 'the published file', { against }),
        parsed(RuleSetDocument, file.yaml, 'the draft', { against }),
      );
      return c.json({ ...respond(diff), against }, 200);
    },
  );
}
