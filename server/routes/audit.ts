import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { errorResponses } from '../http/schemas.ts';
import { CHAIN_BREAKS, verifyAudit } from '../store/audit.ts';
import type { AuditAnchor } from '../store/audit-anchor.ts';
import { auditActions, queryAudit, signInFailures } from '../store/audit-query.ts';

const Entry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor: z.string(),
    actorName: z.string().nullable().openapi({ description: 'The name of the user or token behind `actor`, when there is one' }),
    action: z.string(),
    subject: z.string(),
    beforeHash: z.string().nullable(),
    afterHash: z.string().nullable(),
    detail: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

/** An ISO date, or a date-time as the log writes them. */
const IsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/, 'an ISO date or date-time');

const AuditQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0).openapi({ description: 'Entries after this sequence number' }),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'Entries before this sequence number (the cursor of order=desc)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  order: z.enum(['asc', 'desc']).default('asc').openapi({ description: 'Oldest first (asc) or newest first (desc)' }),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'An action (draft.publish) or its kind (draft, for every draft.*)' }),
  actor: z.string().min(1).max(200).optional().openapi({ description: "A user's or token's name, or the actor as stored" }),
  from: IsoTime.optional().openapi({ description: 'Earliest time, inclusive (ISO date or date-time)' }),
  to: IsoTime.optional().openapi({ description: 'Latest time, inclusive; a date covers its whole day' }),
  head: z
    .string()
    .regex(/^(hmac-)?sha256:[0-9a-f]{64}$/, 'a head as the anchor file or the log wrote it')
    .optional()
    .openapi({
      description:
        "A head of the chain published elsewhere: the chain must still hold it (a cut tail shows). The server's anchor file's newest head when absent",
    }),
});

const AuditPage = z
  .object({
    entries: z.array(Entry),
    next_after: z.number().nullable().openapi({ description: 'The `after` of the next page (order=asc), or null at the end' }),
    next_before: z.number().nullable().openapi({ description: 'The `before` of the next page (order=desc), or null at the end' }),
    actions: z.array(z.string()).openapi({ description: 'Every action in the log, for choosing a filter' }),
    chain: z.object({
      ok: z.boolean(),
      entries: z.number().optional(),
      seq: z.number().optional(),
      code: z.enum(CHAIN_BREAKS).optional().openapi({ description: 'Why the chain breaks at `seq`' }),
      reason: z.string().optional().openapi({ description: 'The same, in English' }),
      missing: z.number().optional().openapi({ description: 'The entry number skipped, for MISSING_ENTRY' }),
      head: z
        .string()
        .nullable()
        .optional()
        .openapi({ description: 'The hash of the last entry: publish it to check the log later' }),
      checkedHead: z
        .string()
        .optional()
        .openapi({ description: 'The published head the chain was checked against (it is in the log)' }),
    }),
    anchor: z
      .object({ seq: z.number(), hash: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: "The newest head in the server's anchor file (AUDIT_ANCHOR_PATH), null when none was written" }),
    sign_in: z
      .object({
        failed_last_24h: z.number().openapi({ description: 'Failed sign-ins in the last 24 hours' }),
        throttled_last_24h: z
          .number()
          .openapi({ description: 'Names or addresses blocked for too many failures in the last 24 hours' }),
        last_failed_at: z.string().nullable(),
        by_day: z
          .array(z.object({ day: z.string(), count: z.number() }))
          .openapi({ description: 'Failed sign-ins per day (UTC) over the last 14 days, newest first' }),
        by_name: z
          .array(z.object({ name: z.string(), count: z.number() }))
          .openapi({ description: 'Failed sign-ins per user name tried over the last 14 days, most first (at most 20)' }),
      })
      .openapi({ description: 'Failed sign-ins, for the audit page to show beside the log' }),
  })
  .openapi('AuditPage');

/** GET /api/v1/audit: the change log a page at a time, filtered by action, actor and time, with the chain's status. */
export function auditRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; anchor?: AuditAnchor | undefined }): void {
  app.use('/api/v1/audit', requirePermission('read_audit'));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['audit'],
      summary: 'Page through the append-only change log, filtered by action, actor and time',
      request: { query: AuditQuery },
      responses: {
        200: { content: { 'application/json': { schema: AuditPage } }, description: 'A page of entries' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const anchor = deps.anchor?.latest() ?? null;
      const entries = await queryAudit(deps.db, q);
      const last = entries[entries.length - 1];
      const more = entries.length === q.limit && last ? last.seq : null;
      return c.json(
        {
          entries,
          next_after: q.order === 'asc' ? more : null,
          next_before: q.order === 'desc' ? more : null,
          actions: await auditActions(deps.db),
          chain: await verifyAudit(deps.db, { head: q.head ?? anchor?.hash }),
          anchor,
          sign_in: await signInFailures(deps.db),
        },
        200,
      );
    },
  );
}
