import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Library } from '../../src/library.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, json } from '../http/schemas.ts';
import { currentFiles, type LawCache } from '../store/rule-files.ts';

const QuestionSummary = z
  .object({
    id: z.string(),
    title: z.object({ pl: z.string(), en: z.string() }),
    versions: z.array(
      z.object({
        version: z.string(),
        validFrom: z.string(),
        validUntil: z.string().optional(),
        repealed: z.boolean(),
        hash: z.string(),
        confidence: z.string().optional(),
        title: z.object({ pl: z.string(), en: z.string() }),
        law: z.object({ act: z.string(), dz_u: z.string(), basis: z.string() }),
        successor: z.string().optional(),
      }),
    ),
    proposals: z.array(z.string()),
  })
  .openapi('QuestionSummary');

/** The library's summaries, each version with its title, act and successor: what a timeline of the law shows. */
function summaries(library: Library) {
  return library.questions().map((q) => {
    const irs = library.versions(q.id);
    return {
      ...q,
      versions: q.versions.map((v, i) => {
        const ir = irs[i];
        return {
          ...v,
          title: ir?.title ?? q.title,
          law: { act: ir?.law.act ?? '', dz_u: ir?.law.dz_u ?? '', basis: ir?.law.basis ?? '' },
          ...(ir?.repealed?.successor ? { successor: ir.repealed.successor } : {}),
        };
      }),
    };
  });
}

const VersionDetail = z
  .object({
    question: z.string(),
    version: z.string(),
    valid_from: z.string(),
    status: z.enum(['published']),
    hash: z.string(),
    path: z.string(),
    yaml: z.string(),
    document: z.record(z.string(), z.unknown()),
    required_facts: z.array(z.string()),
    parameters: z.array(z.string()),
  })
  .openapi('VersionDetail');

const QuestionParam = z.object({ question: z.string().openapi({ param: { name: 'question', in: 'path' } }) });
const VersionParam = QuestionParam.extend({ version: z.string().openapi({ param: { name: 'version', in: 'path' } }) });

/** Questions, their versions, and one version with its YAML and parsed form. */
export function ruleRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const guard = requirePermission('read_rules');
  app.use('/api/v1/questions', guard);
  app.use('/api/v1/questions/*', guard);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/questions',
      tags: ['rules'],
      summary: 'Every question with its versions and dates',
      responses: {
        200: { ...json(z.object({ questions: z.array(QuestionSummary) })), description: 'The questions' },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ questions: summaries(await deps.law.get()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/questions/{question}/versions',
      tags: ['rules'],
      summary: 'The versions of one question, with dates and status',
      request: { params: QuestionParam },
      responses: { 200: { ...json(QuestionSummary), description: 'The question and its versions' }, ...errorResponses },
    }),
    async (c) => {
      const { question } = c.req.valid('param');
      const found = summaries(await deps.law.get()).find((q) => q.id === question);
      if (!found) throw new ApiError(404, 'UNKNOWN_QUESTION', `"${question}" is not a question with a rule set`);
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/questions/{question}/versions/{version}',
      tags: ['rules'],
      summary: 'One version: its YAML and its parsed form',
      request: { params: VersionParam },
      responses: { 200: { ...json(VersionDetail), description: 'The version' }, ...errorResponses },
    }),
    async (c) => {
      const { question, version } = c.req.valid('param');
      const ir = (await deps.law.get()).version(question, version);
      if (!ir) throw new ApiError(404, 'UNKNOWN_VERSION', `${question} has no version ${version}`);
      const file = (await currentFiles(deps.db)).find((f) => f.path === ir.file);
      return c.json(
        {
          question,
          version: ir.name,
          valid_from: ir.validFrom,
          status: 'published' as const,
          hash: ir.hash,
          path: ir.file,
          yaml: file?.yaml ?? '',
          document: ir.document as unknown as Record<string, unknown>,
          required_facts: ir.requiredFacts,
          parameters: ir.parameters,
        },
        200,
      );
    },
  );
}
