import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DecisionError } from '../../src/decide/decision-error.ts';
import type { Library } from '../../src/library.ts';
import type { Answer } from '../../src/schema/answer.ts';
import { caseRefDigest } from '../auth/hmac.ts';
import { can } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError, errorBody } from '../http/errors.ts';
import {
  AnswerWithReceipt,
  BatchBody,
  BatchResponse,
  DecisionRequestBody,
  errorResponses,
  IdParam,
  json,
  Receipt,
  ReplayResponse,
} from '../http/schemas.ts';
import { decisionsBy, getDecision, storeDecision, toReceipt } from '../store/decisions.ts';
import { getChangeSet } from '../store/drafts.ts';
import type { Principal } from '../store/people.ts';
import type { LawCache } from '../store/rule-files.ts';
import { proposalLibrary } from './proposal-law.ts';

interface Deps {
  db: Db;
  law: LawCache;
  secret: string;
}

type Request = z.infer<typeof DecisionRequestBody>;

/** Decides one request and stores its receipt. */
async function decideAndStore(deps: Deps, req: Request, who: Principal, replayOf?: string) {
  const { library, version } = libraryFor(deps, req, who);
  const answer = await library.decide({
    question: req.question,
    date: req.date,
    facts: req.facts,
    ...(version ? { version } : {}),
  });
  const row = storeDecision(deps.db, {
    facts: req.facts,
    answer,
    askedBy: who.id,
    caseRefHmac: req.case_ref ? caseRefDigest(deps.secret, req.case_ref) : null,
    replayOf: replayOf ?? null,
  });
  return { ...answer, receipt: { id: row.id, created_at: row.createdAt } };
}

/** The published law, or the law with a proposal (a change set kept as an amendment being trialled) named by its id. */
function libraryFor(deps: Deps, req: Request, who: Principal): { library: Library; version?: string | undefined } {
  const published = deps.law.get();
  if (!req.version) return { library: published };
  const isProposal = getChangeSet(deps.db, req.version)?.row.proposal;
  if (isProposal && !can(who.role, 'evaluate_proposal'))
    throw new ApiError(403, 'FORBIDDEN', `the role ${who.role} may not evaluate proposals`);
  const library = proposalLibrary(deps.db, published, req.version);
  if (!library) return { library: published, version: req.version };
  // A proposal that changes only dated values answers by the law in force under those values.
  return { library, version: library.version(req.question, req.version) ? req.version : undefined };
}

/** What differs between two answers, field by field (for replay). */
function answerChanges(before: Answer, after: Answer) {
  const fields = ['outcome', 'amounts', 'values', 'missing', 'caveats', 'ruleset'] as const;
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

/** POST /decisions, /decisions/batch, GET /decisions/:id, POST /decisions/:id/replay (contract.md §5). */
export function decisionRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const guard = requirePermission('decide');
  app.use('/api/v1/decisions', guard);
  app.use('/api/v1/decisions/*', guard);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions',
      tags: ['decisions'],
      summary: 'Answer a question for a person on a date, and keep a receipt',
      request: { body: { ...json(DecisionRequestBody), required: true } },
      responses: {
        200: { ...json(AnswerWithReceipt), description: 'The answer of contract.md §3 (also for not_eligible)' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await decideAndStore(deps, body, c.get('principal') as Principal), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions/batch',
      tags: ['decisions'],
      summary: 'Answer up to 10,000 requests; answers come back in the same order',
      request: { body: { ...json(BatchBody), required: true } },
      responses: {
        200: { ...json(BatchResponse), description: 'One answer (or error) per request, in order' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { requests } = c.req.valid('json');
      const who = c.get('principal') as Principal;
      const answers = [];
      // One transaction: receipts of a batch are stored together or not at all.
      deps.db.$client.exec('BEGIN');
      try {
        for (const [i, req] of requests.entries()) {
          try {
            answers.push(await decideAndStore(deps, req, who));
          } catch (e) {
            if (!(e instanceof DecisionError)) throw e;
            answers.push(errorBody(e.code, e.message, { index: i, ...(e.field ? { field: `requests.${i}.${e.field}` } : {}) }));
          }
        }
        deps.db.$client.exec('COMMIT');
      } catch (e) {
        deps.db.$client.exec('ROLLBACK');
        throw e;
      }
      return c.json({ answers }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/decisions',
      tags: ['decisions'],
      summary: 'The decisions the caller asked for, newest first',
      request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
      responses: { 200: { ...json(z.object({ decisions: z.array(Receipt) })), description: 'Receipts' }, ...errorResponses },
    }),
    (c) =>
      c.json(
        { decisions: decisionsBy(deps.db, (c.get('principal') as Principal).id, c.req.valid('query').limit).map(toReceipt) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/decisions/{id}',
      tags: ['decisions'],
      summary: 'A stored receipt',
      request: { params: IdParam },
      responses: { 200: { ...json(Receipt), description: 'The receipt' }, ...errorResponses },
    }),
    (c) => {
      const row = getDecision(deps.db, c.req.valid('param').id);
      if (!row) throw new ApiError(404, 'NOT_FOUND', 'no decision with this id');
      return c.json(toReceipt(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/decisions/{id}/replay',
      tags: ['decisions'],
      summary: 'Answer a stored decision again under the rules now in force for its date, and show what changed',
      request: { params: IdParam },
      responses: {
        200: { ...json(ReplayResponse), description: 'The original, the new answer and the differences' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const row = getDecision(deps.db, c.req.valid('param').id);
      if (!row) throw new ApiError(404, 'NOT_FOUND', 'no decision with this id');
      const original = toReceipt(row);
      const replay = await decideAndStore(
        deps,
        { question: row.question, date: row.date, facts: original.facts },
        c.get('principal') as Principal,
        row.id,
      );
      const changes = answerChanges(original.answer, replay);
      return c.json({ original, replay, changed: changes.length > 0, changes }, 200);
    },
  );
}
