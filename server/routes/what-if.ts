import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { smallestChanges } from '../../src/explain/smallest-changes.ts';
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

const LocalTextBody = z.object({ pl: z.string(), en: z.string() });

const FactsChange = z
  .object({
    changes: z.array(z.object({ fact: z.string(), from: z.unknown(), to: z.unknown() })),
    outcome: z.string(),
    amounts: z.record(z.string(), z.number()),
    articles: z.array(z.string()),
    text: LocalTextBody,
  })
  .openapi('FactsChange');

const WhatIfResponse = z
  .object({
    changes: z
      .array(Counterfactual)
      .openapi({ description: 'One fact at a time: the nearest value on each side that changes the answer.' }),
    combinations: z.array(FactsChange).openapi({
      description: 'The smallest sets of up to three facts whose change changes the outcome or an amount, smallest first.',
    }),
    unchangeable: z
      .boolean()
      .openapi({ description: 'No change of facts can change the answer (the law not in force on the day).' }),
    complete: z.boolean().openapi({ description: 'False when the bounded search stopped before trying every candidate.' }),
    note: LocalTextBody.optional(),
  })
  .openapi('WhatIf');

/** "What would change it": single-fact changes that change the answer, each a real answer of the same rules. */
export function whatIfRoutes(app: OpenAPIHono<AppEnv>, deps: { law: LawCache }): void {
  app.use('/api/v1/what-if', requirePermission('decide'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/what-if',
      tags: ['decisions'],
      summary:
        'For each fact the version reads, the nearest other value that changes the outcome or an amount, and the smallest sets of up to three facts that do (no receipt kept)',
      request: { body: { ...json(DecisionRequestBody.omit({ case_ref: true, version: true })), required: true } },
      responses: {
        200: { ...json(WhatIfResponse), description: 'The changes found' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { question, date, facts } = c.req.valid('json');
      const library = await deps.law.get();
      const changes = await whatWouldChange(library, { question, date, facts });
      return c.json({ changes, ...(await smallestChanges(library, { question, date, facts })) }, 200);
    },
  );
}
