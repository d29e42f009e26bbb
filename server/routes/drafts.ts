import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { can } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { targetPath, testDraft, validateDraft } from '../store/draft-checks.ts';
import { type DraftRow, getDraft, listDrafts, openDraft, saveDraft, setDraftStatus, withFields } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import { currentFile, type LawCache, publishFile } from '../store/rule-files.ts';

const Draft = z
  .object({
    id: z.string(),
    question: z.string().nullable(),
    path: z.string(),
    yaml: z.string(),
    revision: z.number(),
    status: z.enum(['draft', 'submitted', 'published', 'rejected']),
    proposal: z.boolean(),
    author: z.string(),
    reviewer: z.string().nullable(),
    comment: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('Draft');

const OpenDraftBody = z
  .strictObject({
    from: z
      .strictObject({ question: z.string(), version: z.string() })
      .optional()
      .openapi({ description: 'Copy a published version' }),
    parameters: z.string().optional().openapi({ description: 'Copy a parameters file by topic, e.g. zasilek' }),
    question: z.string().optional().openapi({ description: 'Start a new question from nothing' }),
    proposal: z
      .boolean()
      .default(false)
      .openapi({ description: 'An amendment being trialled: evaluable by its id, never published' }),
  })
  .openapi('OpenDraft');

const Problem = z.object({
  file: z.string(),
  line: z.number(),
  col: z.number(),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  severity: z.string(),
});

function view(d: DraftRow) {
  return {
    id: d.id,
    question: d.question,
    path: d.path,
    yaml: d.yaml,
    revision: d.revision,
    status: d.status as 'draft' | 'submitted' | 'published' | 'rejected',
    proposal: d.proposal,
    author: d.authorId,
    reviewer: d.reviewerId,
    comment: d.comment,
    updated_at: d.updatedAt,
  };
}

/** What validating a draft (saved or typed) answers. */
const ValidationResult = z.object({ valid: z.boolean(), path: z.string(), problems: z.array(Problem) });

const etag = (d: DraftRow) => `"${d.revision}"`;

/** Drafts, review and publishing: nothing reaches the law without validation, every test, and a second person. */
export function draftRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const { db } = deps;
  const found = (id: string): DraftRow => {
    const d = getDraft(db, id);
    if (!d) throw new ApiError(404, 'NOT_FOUND', 'no draft with this id');
    return d;
  };
  const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

  // Editors work on drafts; reviewers may read them.
  const draftsGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const p = c.get('principal');
    if (!p) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in, or send Authorization: Bearer <token>');
    if (!can(p.role, 'draft') && !(c.req.method === 'GET' && can(p.role, 'review')))
      throw new ApiError(403, 'FORBIDDEN', `the role ${p.role} may not draft`);
    await next();
  };
  app.use('/api/v1/drafts', draftsGuard);
  app.use('/api/v1/drafts/:id', draftsGuard);
  for (const action of ['validate', 'validate-text', 'submit'])
    app.use(`/api/v1/drafts/:id/${action}`, requirePermission('draft'));
  // A reviewer runs the tests too, to see them pass before approving; the run changes nothing.
  app.use('/api/v1/drafts/:id/test', requirePermission('draft', 'review'));
  for (const action of ['publish', 'reject']) app.use(`/api/v1/drafts/:id/${action}`, requirePermission('review'));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts',
      tags: ['drafts'],
      summary: 'Every draft and proposal',
      responses: { 200: { ...json(z.object({ drafts: z.array(Draft) })), description: 'Drafts' }, ...errorResponses },
    }),
    (c) => c.json({ drafts: listDrafts(db).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts',
      tags: ['drafts'],
      summary: 'Open a draft from a published version, a parameters file, or a new question',
      request: { body: { ...json(OpenDraftBody), required: true } },
      responses: { 201: { ...json(Draft), description: 'The new draft; its ETag is its revision' }, ...errorResponses },
    }),
    (c) => {
      const body = c.req.valid('json');
      const library = deps.law.get();
      let question: string | null = null;
      let path: string;
      let yaml: string;
      let base: { path: string; revision: number } | null = null;
      if (body.from) {
        const ir = library.version(body.from.question, body.from.version);
        if (!ir) throw new ApiError(404, 'UNKNOWN_VERSION', `${body.from.question} has no version ${body.from.version}`);
        const file = currentFile(db, ir.file);
        if (!file) throw new ApiError(404, 'UNKNOWN_VERSION', `no stored file for ${ir.file}`);
        question = ir.question;
        path = ir.file;
        yaml = file.yaml;
        base = { path: file.path, revision: file.revision };
      } else if (body.parameters) {
        const file = currentFile(db, `rules/parameters/${body.parameters}.yaml`);
        if (!file) throw new ApiError(404, 'NOT_FOUND', `no parameters file for topic ${body.parameters}`);
        path = file.path;
        yaml = file.yaml;
        base = { path: file.path, revision: file.revision };
      } else if (body.question) {
        if (!library.catalogue.questions.has(body.question))
          throw new ApiError(404, 'UNKNOWN_QUESTION', `"${body.question}" is not a question of the contract`);
        question = body.question;
        path = `rules/${question}/new.yaml`;
        yaml = `question: ${question}\nvalid_from: ${new Date().toISOString().slice(0, 10)}\ntitle: { pl: "", en: "" }\nlaw: { act: "", dz_u: "", basis: "" }\nfacts: []\nparameters: []\nrules: []\n`;
      } else {
        throw new ApiError(400, 'INVALID_REQUEST', 'say what to start from: from, parameters or question', [
          { field: 'from', message: 'required' },
        ]);
      }
      const row = openDraft(db, {
        question,
        path,
        basePath: base?.path ?? null,
        baseRevision: base?.revision ?? null,
        yaml,
        proposal: body.proposal,
        authorId: who(c).id,
      });
      c.header('ETag', etag(row));
      return c.json(view(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts/{id}',
      tags: ['drafts'],
      summary: 'One draft, with its ETag',
      request: { params: IdParam },
      responses: { 200: { ...json(Draft), description: 'The draft' }, ...errorResponses },
    }),
    (c) => {
      const d = found(c.req.valid('param').id);
      c.header('ETag', etag(d));
      return c.json(view(d), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/drafts/{id}',
      tags: ['drafts'],
      summary: 'Save the YAML; needs If-Match with the revision read, and a stale save gets 409 with the newer text',
      request: { params: IdParam, body: { ...json(z.strictObject({ yaml: z.string().max(1_000_000) })), required: true } },
      responses: {
        200: { ...json(Draft), description: 'Saved' },
        409: {
          ...json(z.object({ error: z.object({ code: z.string(), message: z.string(), details: Draft }) })),
          description: 'Someone saved first: nothing was changed',
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const d = found(c.req.valid('param').id);
      if (d.authorId !== who(c).id && who(c).role !== 'admin' && !can(who(c).role, 'draft'))
        throw new ApiError(403, 'FORBIDDEN', 'not your draft');
      if (d.status === 'published')
        throw new ApiError(409, 'ALREADY_PUBLISHED', 'a published draft never changes: open a new one');
      const ifMatch = c.req.header('if-match');
      if (!ifMatch)
        throw new ApiError(400, 'MISSING_IF_MATCH', 'send If-Match with the ETag you read, so no one’s work is overwritten', [
          { field: 'If-Match', message: 'required' },
        ]);
      const expected = Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
      const r = saveDraft(db, d.id, c.req.valid('json').yaml, expected, who(c).id);
      if (!r.ok)
        throw new ApiError(
          409,
          'STALE_DRAFT',
          `the draft was saved by someone else (revision ${r.current.revision}); your text was not saved: merge it with theirs`,
          view(r.current),
        );
      c.header('ETag', etag(r.row));
      return c.json(view(r.row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/validate',
      tags: ['drafts'],
      summary: 'Validate the draft against the published law: every problem with its line and column',
      request: { params: IdParam },
      responses: {
        200: { ...json(ValidationResult), description: 'The result' },
        ...errorResponses,
      },
    }),
    (c) => {
      const { valid, path, problems } = validateDraft(db, found(c.req.valid('param').id));
      return c.json({ valid, path, problems }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/validate-text',
      tags: ['drafts'],
      summary: 'Validate unsaved text as the draft would be validated (as an editor types); nothing is saved',
      request: { params: IdParam, body: { ...json(z.strictObject({ yaml: z.string().max(1_000_000) })), required: true } },
      responses: {
        200: { ...json(ValidationResult), description: 'The result' },
        ...errorResponses,
      },
    }),
    (c) => {
      const draft = found(c.req.valid('param').id);
      const { valid, path, problems } = validateDraft(db, { ...draft, yaml: c.req.valid('json').yaml });
      return c.json({ valid, path, problems }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/test',
      tags: ['drafts'],
      summary: "Run the rule set's own tests and the shared cases against the draft",
      request: { params: IdParam },
      responses: {
        200: {
          ...json(
            z.object({
              valid: z.boolean(),
              passed: z.number(),
              failed: z.number(),
              results: z.array(z.record(z.string(), z.unknown())),
              problems: z.array(Problem),
            }),
          ),
          description: 'Each case',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const v = validateDraft(db, found(c.req.valid('param').id));
      if (!v.library) return c.json({ valid: false, passed: 0, failed: 0, results: [], problems: v.problems }, 200);
      const t = await testDraft(db, found(c.req.valid('param').id), v.library);
      return c.json({ valid: true, passed: t.passed, failed: t.failed, results: t.results, problems: t.problems }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/submit',
      tags: ['drafts'],
      summary: 'Submit a valid draft for review',
      request: { params: IdParam },
      responses: { 200: { ...json(Draft), description: 'Submitted' }, ...errorResponses },
    }),
    (c) => {
      const d = found(c.req.valid('param').id);
      if (d.proposal) throw new ApiError(409, 'PROPOSAL', 'a proposal is evaluated, never submitted to become law');
      const v = validateDraft(db, d);
      if (!v.valid) throw new ApiError(422, 'INVALID_DRAFT', 'the draft does not validate', v.problems);
      return c.json(view(setDraftStatus(db, d.id, 'submitted', who(c).id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/publish',
      tags: ['drafts'],
      summary:
        'A reviewer who is not the author publishes a submitted draft with its valid_from, when it validates and every test passes',
      request: {
        params: IdParam,
        body: {
          ...json(
            z.strictObject({
              valid_from: z
                .string()
                .regex(/^\d{4}-\d{2}-\d{2}$/)
                .optional(),
            }),
          ),
          required: true,
        },
      },
      responses: {
        200: {
          ...json(z.object({ draft: Draft, published: z.object({ path: z.string(), revision: z.number(), hash: z.string() }) })),
          description: 'Published',
        },
        409: { ...json(z.object({ error: z.record(z.string(), z.unknown()) })), description: 'Not submitted' },
        422: { ...json(z.object({ error: z.record(z.string(), z.unknown()) })), description: 'Invalid or a test fails' },
        ...errorResponses,
      },
    }),
    async (c) => {
      let d = found(c.req.valid('param').id);
      const reviewer = who(c);
      if (d.authorId === reviewer.id)
        throw new ApiError(403, 'OWN_DRAFT', 'the author may not publish their own draft: another reviewer must');
      if (d.status !== 'submitted') throw new ApiError(409, 'NOT_SUBMITTED', `the draft is ${d.status}, not submitted`);
      const { valid_from } = c.req.valid('json');
      const isParameters = targetPath(d).path?.startsWith('rules/parameters/');
      if (!isParameters) {
        if (!valid_from)
          throw new ApiError(400, 'INVALID_REQUEST', 'valid_from: the day the version applies is required', [
            { field: 'valid_from', message: 'required' },
          ]);
        d = { ...d, yaml: withFields(d.yaml, { valid_from }) };
      }
      const v = validateDraft(db, d);
      if (!v.library) throw new ApiError(422, 'INVALID_DRAFT', 'the draft does not validate', v.problems);
      const t = await testDraft(db, d, v.library);
      if (t.failed > 0 || t.passed === 0)
        throw new ApiError(
          422,
          'TESTS_FAIL',
          `${t.failed} test case(s) fail, ${t.passed} pass: nothing was published`,
          t.results.filter((r) => !r.passed),
        );
      const out = db.transaction((tx) => {
        const row = publishFile(tx as unknown as Db, { path: v.path, text: d.yaml }, reviewer.id, 'publish');
        const draft = setDraftStatus(tx as unknown as Db, d.id, 'published', reviewer.id, { reviewerId: reviewer.id });
        return { draft, row };
      });
      return c.json(
        { draft: view(out.draft), published: { path: out.row.path, revision: out.row.revision, hash: out.row.hash } },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts/{id}/reject',
      tags: ['drafts'],
      summary: 'Reject a submitted draft with a comment the author sees',
      request: { params: IdParam, body: { ...json(z.strictObject({ comment: z.string().min(1).max(5000) })), required: true } },
      responses: { 200: { ...json(Draft), description: 'Rejected' }, ...errorResponses },
    }),
    (c) => {
      const d = found(c.req.valid('param').id);
      if (d.status !== 'submitted') throw new ApiError(409, 'NOT_SUBMITTED', `the draft is ${d.status}, not submitted`);
      return c.json(
        view(setDraftStatus(db, d.id, 'rejected', who(c).id, { reviewerId: who(c).id, comment: c.req.valid('json').comment })),
        200,
      );
    },
  );
}
