import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../src/dates/iso-date.ts';
import { Answer } from '../../src/schema/answer.ts';
import { LocalText } from '../../src/schema/common.ts';

/** Schemas of the HTTP API: the contract's request and answer, with what the server adds. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) })
  .openapi('Error');

export const DecisionRequestBody = z
  .strictObject({
    question: z.string().min(1).openapi({ example: 'pai-referral' }),
    date: z.string().openapi({ example: '2014-09-15' }),
    facts: z
      .record(z.string(), z.unknown())
      .default({})
      .openapi({ example: { registered_unemployed: true, help_profile: 'III', receives_social_assistance: true } }),
    version: z
      .string()
      .optional()
      .openapi({ description: 'A proposal (draft id) or a version by its valid_from, instead of the law in force.' }),
    case_ref: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "The caller's own case reference; stored only as a keyed hash." }),
    office: z.string().trim().min(1).max(200).optional().openapi({
      description: 'The office the decision is taken for, stored with the receipt; the caller’s own office when absent.',
    }),
    known_on: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as YYYY-MM-DD')
      .refine(isIsoDate, 'not a real calendar day')
      .optional()
      .openapi({
        description:
          'Answer as the law was known on this day: versions and dated values published after it are ignored. Default: today. The receipt keeps it beside date.',
        example: '2022-01-20',
      }),
  })
  .openapi('DecisionRequest');

export const AnswerWithReceipt = Answer.extend({
  receipt: z.object({
    id: z.string(),
    created_at: z.string(),
    office: z.string().nullable().optional().openapi({ description: 'The office the decision was taken for' }),
  }),
}).openapi('AnswerWithReceipt');

/**
 * Each request of a batch is a DecisionRequest; the items are checked one by one after the body is read (a large
 * batch on a worker thread, so ten thousand checks never hold the event loop), with the same 400 naming the field.
 */
export const BatchBody = z
  .strictObject({
    requests: z
      .array(z.unknown())
      .min(1)
      .max(10_000)
      .openapi({ items: { $ref: '#/components/schemas/DecisionRequest' } }),
  })
  .openapi('DecisionBatchRequest');

/** The issues of a batch's requests, each field named from the body (`requests.3.date`), as the validation hook names them. */
export function batchIssues(requests: readonly unknown[]): { field: string; message: string; code: string }[] {
  const issues: { field: string; message: string; code: string }[] = [];
  requests.forEach((r, i) => {
    const checked = DecisionRequestBody.safeParse(r);
    if (!checked.success)
      for (const issue of checked.error.issues)
        issues.push({ field: ['requests', i, ...issue.path].map(String).join('.'), message: issue.message, code: issue.code });
  });
  return issues;
}

export const BatchResponse = z
  .object({ answers: z.array(z.union([AnswerWithReceipt, ErrorSchema])) })
  .openapi('DecisionBatchResponse');

export const Receipt = z
  .object({
    id: z.string(),
    question: z.string(),
    date: z.string(),
    facts: z.record(z.string(), z.unknown()),
    answer: Answer,
    ruleset: z.object({ version: z.string().nullable(), hash: z.string().nullable() }),
    engine_version: z.string(),
    asked_by: z.string(),
    case_ref_hmac: z.string().nullable(),
    office: z.string().nullable().openapi({ description: 'The office the decision was taken for' }),
    replay_of: z.string().nullable(),
    known_on: z
      .string()
      .nullable()
      .openapi({ description: 'The day whose knowledge of the law answered, beside date (the day in force)' }),
    created_at: z.string(),
  })
  .openapi('Receipt');

export const ReplayResponse = z
  .object({
    original: Receipt,
    replay: AnswerWithReceipt,
    changed: z.boolean(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    because: z.array(LocalText).openapi({
      description:
        'Why the law known now differs from the law the receipt was answered by: each version or dated value published since, with its act, the day it was published and the day it applies from',
    }),
  })
  .openapi('Replay');

/** An OpenAPI JSON content block for a schema. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const errorResponses = {
  400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Malformed request; details name the field' },
  401: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Not signed in' },
  403: { content: { 'application/json': { schema: ErrorSchema } }, description: 'The role may not do this' },
  404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Unknown question, version or receipt' },
} as const;
