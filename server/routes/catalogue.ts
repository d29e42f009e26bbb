import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isIsoDate } from '../../src/dates/iso-date.ts';
import { staleParameters } from '../../src/known/stale.ts';
import { todayIso } from '../../src/library.ts';
import { ActDefinition } from '../../src/schema/acts.ts';
import { LocalText } from '../../src/schema/common.ts';
import { FactDefinition } from '../../src/schema/facts.ts';
import { ParameterDefinition } from '../../src/schema/parameters.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { errorResponses, json } from '../http/schemas.ts';
import type { LawCache } from '../store/rule-files.ts';

const Catalogue = z
  .object({
    facts: z.record(z.string(), FactDefinition),
    parameters: z.record(z.string(), ParameterDefinition),
    outcomes: z.record(z.string(), LocalText),
    acts: z.record(z.string(), ActDefinition),
  })
  .openapi('Catalogue');

const StaleList = z
  .object({
    on: z.string(),
    stale: z.array(
      z.object({
        id: z.string(),
        label: LocalText,
        from: z.string().openapi({ description: 'The row in use starts on this day' }),
        value: z.number(),
        unit: z.string(),
        due: z.string().openapi({ description: 'The day the law made a new value due' }),
        last_verified_on: z.string().optional(),
      }),
    ),
  })
  .openapi('StaleParameters');

const StaleQuery = z.strictObject({
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as YYYY-MM-DD')
    .refine(isIsoDate, 'not a real calendar day')
    .optional()
    .openapi({ description: 'The day to look from; today when absent', example: '2027-06-02' }),
});

/** The facts, the dated parameters and the outcomes every rule set is checked against: what forms and editors are built from. */
export function catalogueRoutes(app: OpenAPIHono<AppEnv>, deps: { law: LawCache }): void {
  app.use('/api/v1/catalogue', requirePermission('read_rules'));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/catalogue',
      tags: ['rules'],
      summary:
        'The facts catalogue (labels, help, types, defaults), the dated parameters with their legal basis, the outcomes, the acts cited',
      responses: { 200: { ...json(Catalogue), description: 'The catalogue of the law in force' }, ...errorResponses },
    }),
    async (c) => {
      const { catalogue } = await deps.law.get();
      const parameters = Object.fromEntries(
        catalogue.parameters.ids().flatMap((id) => {
          const def = catalogue.parameters.get(id);
          return def ? [[id, def]] : [];
        }),
      );
      return c.json(
        {
          facts: Object.fromEntries(catalogue.facts),
          parameters,
          outcomes: Object.fromEntries(catalogue.outcomes),
          acts: Object.fromEntries(catalogue.acts),
        },
        200,
      );
    },
  );

  app.use('/api/v1/parameters/stale', requirePermission('read_rules'));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/parameters/stale',
      tags: ['rules'],
      summary:
        'The dated values past their next expected update (the zasiłek each 1 June, the minimum wage each 1 January): answers using them carry a caveat',
      request: { query: StaleQuery },
      responses: { 200: { ...json(StaleList), description: 'What is due, soonest first' }, ...errorResponses },
    }),
    async (c) => {
      const on = c.req.valid('query').on ?? todayIso();
      return c.json({ on, stale: staleParameters((await deps.law.get()).catalogue.parameters, on) }, 200);
    },
  );
}
