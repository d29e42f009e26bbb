import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { nextQuestions } from '../../src/interview/next-questions.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { DecisionRequestBody, errorResponses, json } from '../http/schemas.ts';
import type { LawCache } from '../store/rule-files.ts';

const NextQuestion = z
  .object({
    fact: z.string(),
    label: z.string(),
    help: z.string(),
    articles: z.array(z.string()),
    decisive: z.boolean().openapi({ description: 'Some value of this fact alone settles the answer.' }),
    score: z.number().openapi({ description: 'How much the fact decides, 0 to 1; the list is ranked by decisive, then score.' }),
    type: z.string(),
    values: z.array(z.object({ value: z.unknown(), label: z.string() })).optional(),
  })
  .openapi('NextQuestion');

const NextQuestionsBody = DecisionRequestBody.omit({ case_ref: true }).extend({
  lang: z.enum(['pl', 'en']).optional().openapi({ description: 'Language of the labels and help texts (default pl).' }),
});

const NextQuestionsResponse = z
  .object({
    determined: z.boolean(),
    outcome: z.string().optional(),
    amounts: z.record(z.string(), z.number()).optional(),
    amount: z.number().optional(),
    missing: z.array(NextQuestion),
  })
  .openapi('NextQuestions');

/** The interview's next step: the answer once the facts settle it, else the facts still worth asking, most decisive first. */
export function nextQuestionsRoutes(app: OpenAPIHono<AppEnv>, deps: { law: LawCache }): void {
  app.use('/api/v1/next-questions', requirePermission('decide'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/next-questions',
      tags: ['decisions'],
      summary:
        'Whether the facts given settle the answer whatever the others are; if not, the missing facts ranked (no receipt kept)',
      request: { body: { ...json(NextQuestionsBody), required: true } },
      responses: {
        200: { ...json(NextQuestionsResponse), description: 'The answer, or the questions still worth asking' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { question, date, facts, version, lang } = c.req.valid('json');
      const r = await nextQuestions(await deps.law.get(), {
        question,
        date,
        facts,
        ...(version ? { version } : {}),
        ...(lang ? { lang } : {}),
      });
      return c.json(r, 200);
    },
  );
}
