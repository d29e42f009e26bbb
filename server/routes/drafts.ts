import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { lawPathProblem } from '../../src/law/law-files.ts';
import { can } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { targetPath } from '../store/draft-checks.ts';
import {
  type ChangeSet,
  type FileInput,
  getChangeSet,
  listChangeSets,
  openChangeSet,
  setChangeSetFields,
} from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import { currentFile, type LawCache } from '../store/rule-files.ts';
import { saveOne } from './draft-save.ts';
import { apiPath, Draft, etag, primaryFile, storedPath, view } from './draft-schemas.ts';

const OpenDraftBody = z
  .strictObject({
    title: z.string().max(300).optional().openapi({ description: 'What the change set is for, in a line' }),
    from: z
      .strictObject({ question: z.string(), version: z.string() })
      .optional()
      .openapi({ description: 'Copy a published version' }),
    parameters: z.string().optional().openapi({ description: 'Copy a parameters file by topic, e.g. zasilek' }),
    file: z
      .string()
      .optional()
      .openapi({ description: 'Copy any published file by its path in rules/, e.g. cis-benefit/tests/cases.yaml' }),
    question: z.string().optional().openapi({ description: 'Start a new version of a question from nothing' }),
    files: z
      .array(z.strictObject({ path: z.string().max(300), yaml: z.string().max(1_000_000) }))
      .max(500)
      .optional()
      .openapi({ description: 'Files given whole, each at its path in rules/' }),
    proposal: z
      .boolean()
      .default(false)
      .openapi({ description: 'An amendment being trialled: evaluable by its id, never published' }),
  })
  .openapi('OpenDraft');

const PatchDraftBody = z
  .strictObject({
    title: z.string().max(300).nullable().optional(),
    revives_repealed: z
      .boolean()
      .optional()
      .openapi({ description: 'Say that a version published after a repeal brings the question back, as the law does' }),
  })
  .openapi('PatchDraft');

/** The change set named in the path, or 404. */
export async function changeSetOr404(db: Db, id: string): Promise<ChangeSet> {
  const cs = await getChangeSet(db, id);
  if (!cs) throw new ApiError(404, 'NOT_FOUND', 'no draft with this id');
  return cs;
}

/** The revision an `If-Match` header names; 400 when it is missing, so no one’s work is overwritten unseen. */
export function ifMatch(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (!header)
    throw new ApiError(400, 'MISSING_IF_MATCH', 'send If-Match with the ETag you read, so no one’s work is overwritten', [
      { field: 'If-Match', message: 'required' },
    ]);
  const n = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(n) || n < 1)
    throw new ApiError(400, 'INVALID_REQUEST', 'If-Match must be the ETag of the draft, e.g. "3"', [
      { field: 'If-Match', message: 'not a revision' },
    ]);
  return n;
}

export const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

/** Change sets: opened, read and described here; their files, tests and review in the routes beside this one. */
export function draftRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const { db } = deps;

  // Editors work on change sets; reviewers may read them.
  const draftsGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const p = c.get('principal');
    if (!p) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in, or send Authorization: Bearer <token>');
    if (!can(p.role, 'draft') && !(c.req.method === 'GET' && can(p.role, 'review')))
      throw new ApiError(403, 'FORBIDDEN', `the role ${p.role} may not draft`);
    await next();
  };
  app.use('/api/v1/drafts', draftsGuard);
  app.use('/api/v1/drafts/:id', draftsGuard);
  app.use('/api/v1/drafts/:id/files/*', requirePermission('draft'));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts',
      tags: ['drafts'],
      summary: 'Every change set and proposal, with its files',
      responses: { 200: { ...json(z.object({ drafts: z.array(Draft) })), description: 'Change sets' }, ...errorResponses },
    }),
    async (c) => c.json({ drafts: (await listChangeSets(db)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/drafts',
      tags: ['drafts'],
      summary:
        'Open a change set: from a published version, a parameters file, any published file, a new question, given files, or empty',
      request: { body: { ...json(OpenDraftBody), required: true } },
      responses: { 201: { ...json(Draft), description: 'The new change set; its ETag is its revision' }, ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const library = await deps.law.get();
      const id = randomUUID();
      const files: FileInput[] = [];
      const copy = async (path: string) => {
        const file = await currentFile(db, path);
        if (!file) return false;
        files.push({ path: file.path, yaml: file.yaml, basePath: file.path, baseRevision: file.revision });
        return true;
      };
      if (body.from) {
        const ir = library.version(body.from.question, body.from.version);
        if (!ir || !(await copy(ir.file)))
          throw new ApiError(404, 'UNKNOWN_VERSION', `${body.from.question} has no version ${body.from.version}`, {
            field: 'from.version',
          });
      }
      if (body.parameters && !(await copy(storedPath(`parameters/${body.parameters}.yaml`))))
        throw new ApiError(404, 'NOT_FOUND', `no parameters file for topic ${body.parameters}`, { field: 'parameters' });
      if (body.file && !(await copy(storedPath(body.file))))
        throw new ApiError(404, 'NOT_FOUND', `no published file ${body.file}`, { field: 'file' });
      if (body.question) {
        if (!library.catalogue.questions.has(body.question))
          throw new ApiError(404, 'UNKNOWN_QUESTION', `"${body.question}" is not a question of the contract`, {
            field: 'question',
          });
        const day = new Date().toISOString().slice(0, 10);
        files.push({
          path: storedPath(`${body.question}/${day}.yaml`),
          yaml: `question: ${body.question}\nvalid_from: ${day}\ntitle: { pl: "", en: "" }\nlaw: { act: "", dz_u: "", basis: "" }\nfacts: []\nparameters: []\nrules: []\n`,
        });
      }
      for (const [i, f] of (body.files ?? []).entries()) {
        const wrong = lawPathProblem(apiPath(f.path));
        if (wrong)
          throw new ApiError(400, 'INVALID_PATH', `files.${i}.path: ${wrong}`, [{ field: `files.${i}.path`, message: wrong }]);
        const base = await currentFile(db, storedPath(f.path));
        files.push({
          path: storedPath(f.path),
          yaml: f.yaml,
          basePath: base?.path ?? null,
          baseRevision: base?.revision ?? null,
        });
      }
      // Each file where it will be published; two files in one place are one too many.
      const placed = files.map((f) => ({ ...f, path: targetPath(f.path, f.yaml, { id, proposal: body.proposal }) }));
      const paths = placed.map((f) => f.path);
      const twice = paths.find((p, i) => paths.indexOf(p) !== i);
      if (twice)
        throw new ApiError(409, 'PATH_TAKEN', `two files of the change set would be ${apiPath(twice)}`, { path: apiPath(twice) });
      const cs = await openChangeSet(db, {
        id,
        title: body.title ?? null,
        proposal: body.proposal,
        authorId: who(c).id,
        files: placed,
      });
      c.header('ETag', etag(cs));
      return c.json(view(cs), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts/{id}',
      tags: ['drafts'],
      summary: 'One change set with its files and their revisions, and its ETag',
      request: { params: IdParam },
      responses: { 200: { ...json(Draft), description: 'The change set' }, ...errorResponses },
    }),
    async (c) => {
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      c.header('ETag', etag(cs));
      return c.json(view(cs), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/drafts/{id}',
      tags: ['drafts'],
      summary: 'Describe the change set: its title, and whether it knowingly brings back a repealed question (If-Match)',
      request: { params: IdParam, body: { ...json(PatchDraftBody), required: true } },
      responses: { 200: { ...json(Draft), description: 'Changed' }, ...errorResponses },
    }),
    async (c) => {
      if (!can(who(c).role, 'draft')) throw new ApiError(403, 'FORBIDDEN', `the role ${who(c).role} may not draft`);
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      if (cs.row.status === 'published')
        throw new ApiError(409, 'ALREADY_PUBLISHED', 'a published change set never changes: open a new one');
      const body = c.req.valid('json');
      const r = await setChangeSetFields(
        db,
        cs.row.id,
        {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.revives_repealed !== undefined ? { revivesRepealed: body.revives_repealed } : {}),
        },
        ifMatch(c),
        who(c).id,
      );
      if (!r.ok)
        throw new ApiError(409, 'STALE_DRAFT', `the change set changed (revision ${r.current.row.revision})`, view(r.current));
      c.header('ETag', etag(r.changeSet));
      return c.json(view(r.changeSet), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/drafts/{id}',
      tags: ['drafts'],
      summary:
        'Save the text of the change set’s first file (a one-file change set); needs If-Match, and a stale save gets 409 with the newer change set',
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
    async (c) => {
      if (!can(who(c).role, 'draft')) throw new ApiError(403, 'FORBIDDEN', `the role ${who(c).role} may not draft`);
      const cs = await changeSetOr404(db, c.req.valid('param').id);
      const first = primaryFile(cs.files);
      if (!first) throw new ApiError(409, 'NO_FILE', 'the change set holds no file yet: save one with PUT …/files/{path}');
      const saved = await saveOne(db, cs, first.path, c.req.valid('json').yaml, ifMatch(c), who(c).id);
      c.header('ETag', etag(saved));
      return c.json(view(saved), 200);
    },
  );
}
