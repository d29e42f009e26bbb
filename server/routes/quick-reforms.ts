import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { QuickReformError, quickReformFiles, reformableParameters } from '../../src/law/quick-reform.ts';
import type { Db } from '../db/open.ts';
import type { AppEnv } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, json } from '../http/schemas.ts';
import { openChangeSet } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import { currentFile, currentFiles, type LawCache, toRuleFile } from '../store/rule-files.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

const QuickReformBody = z
  .strictObject({
    question: z.string().min(1),
    parameter: z.string().min(1).openapi({ description: 'A parameter the question’s rules in force on `from` read' }),
    value: z.number().finite(),
    from: Day.openapi({ description: 'The day the new value holds from' }),
  })
  .openapi('QuickReform');

const QuickReformCreated = z
  .object({
    proposal: z.string().openapi({ description: 'The id of the proposal change set: start a run with proposal set to it' }),
    title: z.object({ pl: z.string(), en: z.string() }),
    parameter: z.string(),
    before: z.number().nullable().openapi({ description: 'The value in force on `from` before the reform' }),
    value: z.number(),
    from: z.string(),
  })
  .openapi('QuickReformCreated');

const ReformableParameter = z
  .object({
    id: z.string(),
    label: z.object({ pl: z.string(), en: z.string() }),
    unit: z.string(),
    value: z.number().nullable().openapi({ description: 'The value in force on the day asked' }),
    from: z.string().nullable().openapi({ description: 'Since when it holds' }),
  })
  .openapi('ReformableParameter');

/**
 * Quick reforms without YAML: the parameters a question's rules read, with their current values; and a new dated
 * value for one of them written as a proposal change set (the parameter's new row and the rules in force copied as a
 * proposal), which a run then trials by its id. Structural reforms stay in the editor.
 */
export function quickReformRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; law: LawCache }): void {
  const who = (c: Context<AppEnv>) => c.get('principal') as Principal;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/simulations/quick-reforms/parameters',
      tags: ['simulations'],
      summary: 'The parameters the question’s rules in force on the day read, with their labels and values then',
      request: { query: z.object({ question: z.string().min(1), date: Day }) },
      responses: {
        200: { ...json(z.object({ parameters: z.array(ReformableParameter) })), description: 'The parameters' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { question, date } = c.req.valid('query');
      const library = await deps.law.get();
      if (!library.catalogue.questions.has(question))
        throw new ApiError(404, 'UNKNOWN_QUESTION', `"${question}" is not a question of the contract`, { field: 'question' });
      const parameters = reformableParameters(library, question, date).flatMap((id) => {
        const def = library.catalogue.parameters.get(id);
        if (!def) return [];
        const now = library.catalogue.parameters.lookup(id, date);
        return [{ id, label: def.label, unit: def.unit, value: now?.value.toNumber() ?? null, from: now?.from ?? null }];
      });
      return c.json({ parameters }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/simulations/quick-reforms',
      tags: ['simulations'],
      summary: 'Writes a new dated value of one parameter as a proposal change set, ready to trial',
      request: { body: { ...json(QuickReformBody), required: true } },
      responses: { 201: { ...json(QuickReformCreated), description: 'The proposal, written' }, ...errorResponses },
    }),
    async (c) => {
      const reform = c.req.valid('json');
      const library = await deps.law.get();
      if (!library.catalogue.questions.has(reform.question))
        throw new ApiError(404, 'UNKNOWN_QUESTION', `"${reform.question}" is not a question of the contract`, {
          field: 'question',
        });
      let written: ReturnType<typeof quickReformFiles>;
      try {
        written = quickReformFiles(library, (await currentFiles(deps.db)).map(toRuleFile), reform);
      } catch (e) {
        if (!(e instanceof QuickReformError)) throw e;
        throw new ApiError(400, 'INVALID_REFORM', e.message, [{ field: e.field, message: e.message }]);
      }
      const id = randomUUID();
      const base = await currentFile(deps.db, written.parametersFile.path);
      await openChangeSet(deps.db, {
        id,
        title: written.title.pl,
        proposal: true,
        authorId: who(c).id,
        action: 'draft.quick_reform',
        files: [
          {
            path: written.parametersFile.path,
            yaml: written.parametersFile.yaml,
            basePath: base?.path ?? null,
            baseRevision: base?.revision ?? null,
          },
          { path: `rules/${reform.question}/proposals/${id}.yaml`, yaml: written.proposal.yaml },
        ],
      });
      return c.json(
        {
          proposal: id,
          title: written.title,
          parameter: reform.parameter,
          before: written.before ?? null,
          value: reform.value,
          from: reform.from,
        },
        201,
      );
    },
  );
}
