import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { compareAnswer, parseCaseFiles } from '../../src/cases/run-cases.ts';
import { expectationLine } from '../../src/law/expectation-text.ts';
import { expectationChanges, expectationFor, withCase, withExpectation } from '../../src/law/test-file-edit.ts';
import type { Library } from '../../src/library.ts';
import { classify } from '../../src/load/load-library.ts';
import type { Answer } from '../../src/schema/answer.ts';
import { TestCase } from '../../src/schema/test-case.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, json } from '../http/schemas.ts';
import { getDecision, toReceipt } from '../store/decisions.ts';
import { resultingFiles, validateChangeSet } from '../store/draft-checks.ts';
import { acceptExpectation, type ChangeSet, dropFile } from '../store/drafts.ts';
import { currentFile, type LawCache } from '../store/rule-files.ts';
import { saveOne } from './draft-save.ts';
import { apiPath, Draft, etag, storedPath, view } from './draft-schemas.ts';
import { changeSetOr404, ifMatch, who } from './drafts.ts';

const FileParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  path: z
    .string()
    .min(1)
    .max(300)
    .openapi({
      param: { name: 'path', in: 'path' },
      description: 'The file’s path in rules/, URL-encoded as one segment (cis-benefit%2F2027-01-01.yaml)',
    }),
});

const NewCase = TestCase.partial({ expect: true }).openapi({
  description: 'A case; without expect, the answer of the change set is pinned',
});

const AddCaseBody = z
  .strictObject({
    case: NewCase.optional(),
    from_decision: z
      .string()
      .optional()
      .openapi({ description: 'A receipt of the caller’s: its question, date, facts and answer become the case' }),
    name: z.string().min(1).max(300).optional().openapi({ description: 'The case’s name, for one made from a receipt' }),
    file: z
      .string()
      .max(300)
      .optional()
      .openapi({ description: 'The test file in rules/ to add it to; by default the question’s tests/cases.yaml' }),
  })
  .openapi('AddCase');

const AcceptBody = z
  .strictObject({
    file: z.string().max(300).openapi({ description: 'The test file, as in the test results' }),
    index: z.number().int().min(0).openapi({ description: 'The case’s place in its file (index in the test results)' }),
    reason: z
      .string()
      .trim()
      .min(3)
      .max(300)
      .regex(/^[^\n\r]*$/, 'one line')
      .openapi({ description: 'Why the new answer is right, in one line: the reviewer reads it' }),
  })
  .openapi('AcceptExpectation');

/** The change set's law, or 422 naming what does not validate. */
async function lawOf(db: Db, cs: ChangeSet, published: Library): Promise<Library> {
  const v = await validateChangeSet(db, cs, published);
  if (!v.library) throw new ApiError(422, 'INVALID_DRAFT', 'the change set does not validate', v.problems);
  return v.library;
}

/** What a case pins of an answer: its outcome, amounts and values, as a caseworker saw them. */
function pinned(answer: Answer): TestCase['expect'] {
  return {
    outcome: answer.outcome,
    ...(Object.keys(answer.amounts).length ? { amounts: answer.amounts } : {}),
    ...(Object.keys(answer.values).length ? { values: answer.values } : {}),
  };
}

/** The test file a new case of `question` goes to: the one named, else its cases.yaml, else its only test file. */
async function testFileFor(db: Db, cs: ChangeSet, question: string, named: string | undefined): Promise<string> {
  if (named) {
    const path = storedPath(named);
    if (classify(path) !== 'tests')
      throw new ApiError(400, 'INVALID_PATH', `file: ${apiPath(path)} is not a test file (…/tests/…)`, [
        { field: 'file', message: 'not a test file' },
      ]);
    return path;
  }
  const folder = storedPath(`${question}/tests/`);
  const existing = (await resultingFiles(db, cs)).filter((f) => f.path.startsWith(folder) && classify(f.path) === 'tests');
  const cases = `${folder}cases.yaml`;
  if (existing.length === 1 && existing[0]?.path !== cases) return existing[0]?.path as string;
  return cases;
}

/** The files of a change set one by one, and its test cases: added, or their expectation changed on purpose. */
export function draftFileRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/drafts/{id}/files/{path}',
      tags: ['drafts'],
      summary:
        'Save one file of the change set (added when new); If-Match names the change set’s revision, a stale save is 409 and changes nothing',
      request: { params: FileParams, body: { ...json(z.strictObject({ yaml: z.string().max(1_000_000) })), required: true } },
      responses: {
        200: { ...json(Draft), description: 'Saved; a rule-set version lies at the path its valid_from gives' },
        409: {
          ...json(z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) })),
          description: 'Someone saved first (details: the newer change set), or the path is taken',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, path } = c.req.valid('param');
      const cs = await changeSetOr404(db, id);
      const saved = await saveOne(db, cs, storedPath(path), c.req.valid('json').yaml, ifMatch(c), who(c).id);
      c.header('ETag', etag(saved));
      return c.json(view(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/drafts/{id}/files/{path}',
      tags: ['drafts'],
      summary: 'Drop one file from the change set (If-Match); the published law is untouched',
      request: { params: FileParams },
      responses: { 200: { ...json(Draft), description: 'Dropped' }, ...errorResponses },
    }),
    async (c) => {
      const { id, path } = c.req.valid('param');
      const cs = await changeSetOr404(db, id);
      if (cs.row.status === 'published') throw new ApiError(409, 'ALREADY_PUBLISHED', 'a published change set never changes');
      const full = storedPath(path);
      if (!cs.files.some((f) => f.path === full))
        throw new ApiError(404, 'NOT_FOUND', `the change set holds no file ${apiPath(full)}`);
      const r = await dropFile(db, id, full, ifMatch(c), who(c).id);
      if (!r.ok)
        throw new ApiError(409, 'STALE_DRAFT', `the change set changed (revision ${r.current.row.revision})`, view(r.current));
      c.header('ETag', etag(r.changeSet));
      return c.json(view(r.changeSet), 200);
    },
  );

  for (const action of ['cases', 'expectations']) app.use(`/api/v1/drafts/:id/${action}`, requirePermission('draft'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/cases',
      tags: ['drafts'],
      summary: 'Add a test case to the change set: written out, or made from one of the caller’s receipts (If-Match)',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        body: { ...json(AddCaseBody), required: true },
      },
      responses: { 200: { ...json(Draft), description: 'The change set with the case added' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      if (cs.row.status === 'published') throw new ApiError(409, 'ALREADY_PUBLISHED', 'a published change set never changes');
      const body = c.req.valid('json');
      const expected = ifMatch(c);
      let testCase: TestCase;
      if (body.from_decision) {
        const row = await getDecision(db, body.from_decision);
        // Someone else's receipt is as absent as a missing one: ids reveal nothing.
        if (!row || row.askedBy !== who(c).id) throw new ApiError(404, 'NOT_FOUND', 'no decision of yours with this id');
        const receipt = toReceipt(row);
        testCase = {
          name: body.name ?? `${receipt.question}, ${receipt.date}: ${receipt.answer.outcome}`,
          question: receipt.question,
          date: receipt.date,
          facts: receipt.facts,
          expect: pinned(receipt.answer),
        };
      } else if (body.case) {
        const given = body.case;
        let expect = given.expect;
        if (!expect) {
          const law = await lawOf(db, cs, await deps.law.get());
          expect = pinned(await law.decide({ question: given.question, date: given.date, facts: given.facts }));
        }
        testCase = { ...given, expect };
      } else {
        throw new ApiError(400, 'INVALID_REQUEST', 'give the case, or from_decision', [{ field: 'case', message: 'required' }]);
      }
      const path = await testFileFor(db, cs, testCase.question, body.file);
      const text = cs.files.find((f) => f.path === path)?.yaml ?? (await currentFile(db, path))?.yaml;
      const saved = await saveOne(db, cs, path, withCase(text, testCase), expected, who(c).id);
      c.header('ETag', etag(saved));
      return c.json(view(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/expectations',
      tags: ['drafts'],
      summary:
        'Accept the change set’s answer as a failing case’s new expectation, with a one-line reason the reviewer reads (If-Match)',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        body: { ...json(AcceptBody), required: true },
      },
      responses: {
        200: {
          ...json(z.object({ draft: Draft, line: z.object({ pl: z.string(), en: z.string() }) })),
          description: 'The change set with the case’s new expectation, and the line the reviewer will read',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      if (cs.row.status === 'published') throw new ApiError(409, 'ALREADY_PUBLISHED', 'a published change set never changes');
      const body = c.req.valid('json');
      const expected = ifMatch(c);
      const library = await lawOf(db, cs, await deps.law.get());
      const path = storedPath(body.file);
      const file = (await resultingFiles(db, cs)).find((f) => f.path === path && classify(f.path) === 'tests');
      if (!file) throw new ApiError(404, 'NOT_FOUND', `no test file ${apiPath(path)}`, { field: 'file' });
      const located = parseCaseFiles([file]).cases[body.index];
      if (!located)
        throw new ApiError(404, 'NOT_FOUND', `${apiPath(path)} has no case number ${body.index + 1}`, { field: 'index' });
      const c0 = located.case;
      const answer = await library.decide({
        question: c0.question,
        date: c0.date,
        facts: c0.facts,
        ...(c0.version ? { version: c0.version } : {}),
      });
      if (compareAnswer(c0.expect, answer).length === 0)
        throw new ApiError(409, 'ALREADY_PASSES', `the case "${c0.name}" already passes: nothing to accept`);
      const after = expectationFor(c0.expect, answer);
      const changes = expectationChanges(c0.expect, after);
      const base = await currentFile(db, path);
      const r = await acceptExpectation(
        db,
        cs.row.id,
        {
          path,
          yaml: withExpectation(file.text, body.index, after),
          caseName: c0.name,
          question: c0.question,
          changes,
          reason: body.reason,
        },
        expected,
        who(c).id,
        { basePath: base?.path ?? null, baseRevision: base?.revision ?? null },
      );
      if (!r.ok)
        throw new ApiError(409, 'STALE_DRAFT', `the change set changed (revision ${r.current.row.revision})`, view(r.current));
      c.header('ETag', etag(r.changeSet));
      return c.json({ draft: view(r.changeSet), line: expectationLine(c0.name, changes, body.reason, library.catalogue) }, 200);
    },
  );
}
