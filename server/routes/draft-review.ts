import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { parseDocument } from 'yaml';
import type { Untested } from '../../src/law/untested-change.ts';
import type { Library } from '../../src/library.ts';
import { classify } from '../../src/load/load-library.ts';
import { countText } from '../../src/text/plural.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import {
  type CaseOutcome,
  resultingFiles,
  type TestRun,
  targetPath,
  testChangeSet,
  untestedOf,
  validateChangeSet,
} from '../store/draft-checks.ts';
import { staticCheckWarnings } from '../store/draft-static-checks.ts';
import { authorsOf, type ChangeSet, type DraftFileRow, setDraftStatus } from '../store/drafts.ts';
import { publishChangeSet } from '../store/publish.ts';
import type { LawCache } from '../store/rule-files.ts';
import { Draft, primaryFile, storedPath, TestRunResult, ValidationResult, view } from './draft-schemas.ts';
import { changeSetOr404, who } from './drafts.ts';

const TEST_FORMS = {
  pl: { one: 'test', few: 'testy', many: 'testów', other: 'testu' },
  en: { one: 'test case', other: 'test cases' },
};

/** The refusal of a change set whose cases fail: each failing case named, in Polish and English. */
export function testsFail(run: TestRun, what: { pl: string; en: string }): ApiError {
  const failing = run.results.filter((r) => !r.passed);
  const names = (q: [string, string]) => failing.map((r) => `${q[0]}${r.name}${q[1]}`).join(', ');
  const verb = new Intl.PluralRules('pl-PL').select(failing.length) === 'few' ? 'nie przechodzą' : 'nie przechodzi';
  const text = {
    pl: `${countText(failing.length, TEST_FORMS.pl, 'pl')} ${verb}: ${names(['„', '”'])}. ${what.pl}`,
    en: `${countText(failing.length, TEST_FORMS.en, 'en')} ${failing.length === 1 ? 'fails' : 'fail'}: ${names(['"', '"'])}. ${what.en}`,
  };
  if (run.results.length === 0) {
    text.pl = `Żaden test nie został uruchomiony. ${what.pl}`;
    text.en = `No test case ran. ${what.en}`;
  }
  return new ApiError(422, 'TESTS_FAIL', text.en, { cases: failing.map(caseRef), text });
}

function caseRef(r: CaseOutcome) {
  return { file: r.file, line: r.line, index: r.index, name: r.name, question: r.question, date: r.date, failures: r.failures };
}

/** The refusal of a change the tests do not show, naming each rule and value. */
function untestedChange(untested: Untested[]): ApiError {
  const count = (lang: 'pl' | 'en') =>
    countText(
      untested.length,
      lang === 'pl' ? { one: 'zmiana', few: 'zmiany', many: 'zmian', other: 'zmiany' } : { one: 'change', other: 'changes' },
      lang,
    );
  const text = {
    pl: `Nie opublikowano: ${count('pl')} bez testu, który by ją pokazał. ${untested.map((u) => u.text.pl).join(' ')}`,
    en: `Nothing was published: ${count('en')} without a test case that shows it. ${untested.map((u) => u.text.en).join(' ')}`,
  };
  return new ApiError(422, 'UNTESTED_CHANGE', text.en, { changes: untested, text });
}

/** Validation, tests, submission and the second person's decision: nothing reaches the law untested or unseen. */
export function draftReviewRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const { db } = deps;
  for (const action of ['validate', 'validate-text', 'submit'])
    app.use(`/api/v1/drafts/:id/${action}`, requirePermission('draft'));
  // A reviewer runs the tests too, to see them pass before approving; the run changes nothing.
  app.use('/api/v1/drafts/:id/test', requirePermission('draft', 'review'));
  for (const action of ['publish', 'reject']) app.use(`/api/v1/drafts/:id/${action}`, requirePermission('review'));

  const check = async (cs: ChangeSet) => validateChangeSet(db, cs, await deps.law.get());
  /** The validation an author sees: with the static checks' findings of the rule sets the change set touches, as warnings. */
  const checkWithProofs = async (cs: ChangeSet) => {
    const v = await check(cs);
    if (!v.library) return v;
    const warnings = await staticCheckWarnings(cs, v.library, await resultingFiles(db, cs));
    return { ...v, problems: [...v.problems, ...warnings] };
  };
  const run = async (cs: ChangeSet, library: Library) => {
    const published = await deps.law.get();
    const t = await testChangeSet(db, cs, library, published);
    const untested = t.failed === 0 ? await untestedOf(db, cs, t, library, published) : [];
    return { t, untested };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/validate',
      tags: ['drafts'],
      summary: 'Validate the change set against the published law: every problem with its file, line and column',
      request: { params: IdParam },
      responses: { 200: { ...json(ValidationResult), description: 'The result' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const { valid, problems } = await checkWithProofs(cs);
      return c.json({ valid, path: primaryFile(cs.files)?.path ?? '', problems }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/validate-text',
      tags: ['drafts'],
      summary: 'Validate unsaved text of one file as the change set would be validated (as an editor types); nothing is saved',
      request: {
        params: IdParam,
        body: {
          ...json(
            z.strictObject({
              yaml: z.string().max(1_000_000),
              path: z.string().max(300).optional().openapi({ description: 'The file in rules/; by default the first file' }),
            }),
          ),
          required: true,
        },
      },
      responses: { 200: { ...json(ValidationResult), description: 'The result' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const body = c.req.valid('json');
      const path = body.path ? storedPath(body.path) : (primaryFile(cs.files)?.path ?? '');
      if (!path)
        throw new ApiError(400, 'INVALID_REQUEST', 'path: the change set holds no file yet', [
          { field: 'path', message: 'required' },
        ]);
      const target = targetPath(path, body.yaml, cs.row);
      const others = cs.files.filter((f) => f.path !== path && f.path !== target);
      const typed = { ...(cs.files.find((f) => f.path === path) ?? blankFile(cs, path)), path: target, yaml: body.yaml };
      const { valid, problems } = await checkWithProofs({ row: cs.row, files: [...others, typed] });
      return c.json({ valid, path: target, problems }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/test',
      tags: ['drafts'],
      summary:
        'Run every test case of the law as the change set would make it; failing cases come with the published answer beside, and the changes no case shows are listed',
      request: { params: IdParam },
      responses: { 200: { ...json(TestRunResult), description: 'Each case' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const v = await check(cs);
      if (!v.library) return c.json({ valid: false, passed: 0, failed: 0, results: [], problems: v.problems, untested: [] }, 200);
      const { t, untested } = await run(cs, v.library);
      return c.json({ valid: true, passed: t.passed, failed: t.failed, results: t.results, problems: t.problems, untested }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/submit',
      tags: ['drafts'],
      summary:
        'Submit a change set for review: only when it validates and every test case passes (422 TESTS_FAIL names each failing one)',
      request: { params: IdParam },
      responses: { 200: { ...json(Draft), description: 'Submitted' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      if (cs.row.proposal) throw new ApiError(409, 'PROPOSAL', 'a proposal is evaluated, never submitted to become law');
      if (cs.row.status === 'published') throw new ApiError(409, 'ALREADY_PUBLISHED', 'the change set is already published');
      if (cs.files.length === 0)
        throw new ApiError(422, 'EMPTY_DRAFT', 'the change set holds no file: there is nothing to submit');
      const v = await check(cs);
      if (!v.library) throw new ApiError(422, 'INVALID_DRAFT', 'the change set does not validate', v.problems);
      const { t } = await run(cs, v.library);
      if (t.failed > 0 || t.passed === 0)
        throw testsFail(t, { pl: 'Nic nie zostało przekazane do przeglądu.', en: 'Nothing was submitted.' });
      await setDraftStatus(db, cs.row.id, 'submitted', who(c).id);
      return c.json(view(await changeSetOr404(db, cs.row.id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/publish',
      tags: ['drafts'],
      summary:
        'A reviewer who wrote no part of it publishes a submitted change set, whole, when it validates, every case passes and every change is shown by a case',
      request: {
        params: IdParam,
        body: {
          ...json(
            z.strictObject({
              valid_from: z
                .string()
                .regex(/^\d{4}-\d{2}-\d{2}$/)
                .optional()
                .openapi({ description: 'The day its rule-set versions apply from, when the reviewer sets it' }),
            }),
          ),
          required: true,
        },
      },
      responses: {
        200: {
          ...json(
            z.object({
              draft: Draft,
              published: z.object({ path: z.string(), revision: z.number(), hash: z.string() }),
              files: z.array(z.object({ path: z.string(), revision: z.number(), hash: z.string() })),
            }),
          ),
          description: 'Published, all files in one transaction',
        },
        409: { ...json(z.object({ error: z.record(z.string(), z.unknown()) })), description: 'Not submitted' },
        422: {
          ...json(z.object({ error: z.record(z.string(), z.unknown()) })),
          description: 'Invalid, a case fails, or a change is untested',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const found = await changeSetOr404(db, c.req.valid('param').id);
      const reviewer = who(c);
      if ((await authorsOf(db, found.row.id)).has(reviewer.id))
        throw new ApiError(403, 'OWN_DRAFT', 'you wrote part of this change set: another reviewer must publish it');
      if (found.row.status !== 'submitted')
        throw new ApiError(409, 'NOT_SUBMITTED', `the change set is ${found.row.status}, not submitted`);
      if (found.row.proposal) throw new ApiError(409, 'PROPOSAL', 'a proposal is evaluated, never published');
      const { valid_from } = c.req.valid('json');
      const cs = valid_from ? startingOn(found, valid_from) : found;
      const v = await check(cs);
      if (!v.library) throw new ApiError(422, 'INVALID_DRAFT', 'the change set does not validate', v.problems);
      const { t, untested } = await run(cs, v.library);
      if (t.failed > 0 || t.passed === 0)
        throw testsFail(t, { pl: 'Nic nie zostało opublikowane.', en: 'Nothing was published.' });
      if (untested.length) throw untestedChange(untested);
      const out = await publishChangeSet(db, cs, reviewer.id, valid_from);
      const first = out.files[0] ?? { path: '', revision: 0, hash: '' };
      return c.json({ draft: view(out.changeSet), published: first, files: out.files }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/reject',
      tags: ['drafts'],
      summary: 'Reject a submitted change set with a comment the author sees (not by anyone who wrote part of it)',
      request: { params: IdParam, body: { ...json(z.strictObject({ comment: z.string().min(1).max(5000) })), required: true } },
      responses: { 200: { ...json(Draft), description: 'Rejected' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      if ((await authorsOf(db, cs.row.id)).has(who(c).id))
        throw new ApiError(403, 'OWN_DRAFT', 'you wrote part of this change set: another reviewer must decide on it');
      if (cs.row.status !== 'submitted')
        throw new ApiError(409, 'NOT_SUBMITTED', `the change set is ${cs.row.status}, not submitted`);
      await setDraftStatus(db, cs.row.id, 'rejected', who(c).id, {
        reviewerId: who(c).id,
        comment: c.req.valid('json').comment,
      });
      return c.json(view(await changeSetOr404(db, cs.row.id)), 200);
    },
  );
}

/** A file not yet in the change set, for validating typed text at a new path. */
function blankFile(cs: ChangeSet, path: string): DraftFileRow {
  return { draftId: cs.row.id, path, yaml: '', basePath: null, baseRevision: null, revision: 0, updatedBy: '', updatedAt: '' };
}

/** The change set with each rule-set version set to apply from `day` (the reviewer's date), each at its new path. */
function startingOn(cs: ChangeSet, day: string): ChangeSet {
  return {
    row: cs.row,
    files: cs.files.map((f) => {
      if (classify(f.path) !== 'ruleset') return f;
      const doc = parseDocument(f.yaml);
      doc.set('valid_from', day);
      const yaml = String(doc);
      return { ...f, yaml, path: targetPath(f.path, yaml, cs.row) };
    }),
  };
}
