import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { diffRuleSets, formatDiff } from '../../src/diff/index.ts';
import { parseSource } from '../../src/load/yaml-source.ts';
import type { Db } from '../db/open.ts';
import type { AppEnv } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, json } from '../http/schemas.ts';
import type { LawCache } from '../store/rule-files.ts';

const DiffResponse = z
  .object({
    diff: z.record(z.string(), z.unknown()),
    text: z.object({ pl: z.string(), en: z.string() }),
  })
  .openapi('Diff');

/** The published file a draft was compared with; version and valid_from are null for a parameters file. */
const Against = z
  .object({ path: z.string(), version: z.string().nullable(), valid_from: z.string().nullable() })
  .openapi('DiffAgainst');

export const DraftDiffResponse = DiffResponse.extend({ against: Against }).openapi('DraftDiff');

export const AgainstQuery = z.strictObject({
  against: z
    .enum(['base', 'in_force'])
    .default('base')
    .openapi({
      param: { name: 'against', in: 'query' },
      description:
        "base: the published file the draft started from; in_force: the version of its question in force on the draft's own valid_from",
    }),
});

/** The parsed file, or 422 INVALID_DRAFT; `details` (what it was compared with) lets a client still show the text. */
export function parsed<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  yaml: string,
  what: string,
  details: unknown = null,
): T {
  const source = parseSource('draft.yaml', yaml);
  if (source.problems.length) throw new ApiError(422, 'INVALID_DRAFT', `${what} is not valid YAML: validate it first`, details);
  const r = schema.safeParse(source.value);
  if (!r.success) throw new ApiError(422, 'INVALID_DRAFT', `${what} does not match the schema: validate it first`, details);
  return r.data;
}

export function respond(diff: Parameters<typeof formatDiff>[0]) {
  return { diff: diff as unknown as Record<string, unknown>, text: { pl: formatDiff(diff, 'pl'), en: formatDiff(diff, 'en') } };
}

/**
 * The structured diff of two versions, or of a draft against what it started from (or the version in force on
 * its date), with a line per change.
 */
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
    async (c) => {
      const { question } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const library = await deps.law.get();
      const a = library.version(question, from);
      const b = library.version(question, to);
      if (!a || !b) throw new ApiError(404, 'UNKNOWN_VERSION', `${question} has no version ${a ? to : from}`);
      return c.json(respond(diffRuleSets(a.document, b.document)), 200);
    },
  );
}
