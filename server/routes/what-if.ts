import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { whatWouldChange } from '../../src/explain/what-would-change.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { DecisionRequestBody, errorResponses, json } from '../http/schemas.ts';
import type { LawCache } from '../store/rule-files.ts';

const Counterfactual = z
  .object({
    fact: z.string(),
    from: z.unknown(),
    to: z.unknown(),
    outcome: z.string(),
    amounts: z.record(z.string(), z.number()),
  })
  .openapi('Counterfactual');

/** "What would change it": single-fact changes that change the answer, each a real answer of the same rules. */
export function whatIfRoutes(app: OpenAPIHono<AppEnv>, deps: { law: LawCache }): void {
  app.use('/api/v1/what-if', requirePermission('decide'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/what-if',
      tags: ['decisions'],
      summary: 'For each fact the version reads, the nearest other value that changes the outcome or an amount (no receipt kept)',
      request: { body: { ...json(DecisionRequestBody.omit({ case_ref: true, version: true })), required: true } },
      responses: {
        200: { ...json(z.object({ changes: z.array(Counterfactual) })), description: 'The changes found' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { question, date, facts } = c.req.valid('json');
      return c.json({ changes: await whatWouldChange(deps.law.get(), { question, date, facts }) }, 200);
    },
  );
}
