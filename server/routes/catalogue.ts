import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
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
    (c) => {
      const { catalogue } = deps.law.get();
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
}
