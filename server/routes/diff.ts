import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { parse } from 'yaml';
import { diffParameterFiles, diffRuleSets, formatDiff } from '../../src/diff/index.ts';
import { ParameterFile } from '../../src/schema/parameters.ts';
import { RuleSetDocument } from '../../src/schema/ruleset.ts';
import { can } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { getDraft } from '../store/drafts.ts';
import { currentFile, type LawCache } from '../store/rule-files.ts';

const DiffResponse = z
  .object({
    diff: z.record(z.string(), z.unknown()),
    text: z.object({ pl: z.string(), en: z.string() }),
  })
  .openapi('Diff');

function parsed<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  yaml: string,
  what: string,
): T {
  let value: unknown;
  try {
    value = parse(yaml);
  } catch {
    throw new ApiError(422, 'INVALID_DRAFT', `${what} is not valid YAML: validate it first`);
  }
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(422, 'INVALID_DRAFT', `${what} does not match the schema: validate it first`);
  return r.data;
}

function respond(diff: Parameters<typeof formatDiff>[0]) {
  return { diff: diff as unknown as Record<string, unknown>, text: { pl: formatDiff(diff, 'pl'), en: formatDiff(diff, 'en') } };
}

/** The structured diff of two versions, or of a draft against what it started from, with a line per change. */
export function diffRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/questions/{question}/diff',
      tags: ['rules'],
      summary: 'What changed between two versions of a question: rules, conditions, amounts, parameters',
      request: {
        params: z.object({ question: z.string().openapi({ param: { name: 'question', in: 'path' } }) }),
        query: z.strictObject({ from: z.string(), to: z.string() }),
      },
      responses: { 200: { ...json(DiffResponse), description: 'The diff' }, ...errorResponses },
    }),
    (c) => {
      const { question } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const library = deps.law.get();
      const a = library.version(question, from);
      const b = library.version(question, to);
      if (!a || !b) throw new ApiError(404, 'UNKNOWN_VERSION', `${question} has no version ${a ? to : from}`);
      return c.json(respond(diffRuleSets(a.document, b.document)), 200);
    },
  );

  app.use('/api/v1/drafts/:id/diff', requirePermission('read_rules'));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/drafts/{id}/diff',
      tags: ['drafts'],
      summary: 'What the draft changes against the published file it started from',
      request: { params: IdParam },
      responses: { 200: { ...json(DiffResponse), description: 'The diff' }, ...errorResponses },
    }),
    (c) => {
      const p = c.get('principal');
      if (!p || !(can(p.role, 'draft') || can(p.role, 'review')))
        throw new ApiError(403, 'FORBIDDEN', 'drafts are for editors and reviewers');
      const draft = getDraft(deps.db, c.req.valid('param').id);
      if (!draft) throw new ApiError(404, 'NOT_FOUND', 'no draft with this id');
      const base = draft.basePath ? currentFile(deps.db, draft.basePath) : undefined;
      if (!base) throw new ApiError(404, 'NO_BASE', 'this draft did not start from a published file');
      if (base.kind === 'parameters') {
        return c.json(
          respond(
            diffParameterFiles(
              parsed(ParameterFile, base.yaml, 'the published file'),
              parsed(ParameterFile, draft.yaml, 'the draft'),
            ),
          ),
          200,
        );
      }
      return c.json(
        respond(
          diffRuleSets(
            parsed(RuleSetDocument, base.yaml, 'the published file'),
            parsed(RuleSetDocument, draft.yaml, 'the draft'),
          ),
        ),
        200,
      );
    },
  );
}
