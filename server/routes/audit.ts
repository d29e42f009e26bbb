import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { errorResponses } from '../http/schemas.ts';
import { auditPage, verifyAudit } from '../store/audit.ts';

const Entry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    beforeHash: z.string().nullable(),
    afterHash: z.string().nullable(),
    detail: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

/** GET /api/v1/audit: the change log, oldest first, a page at a time, with the chain's status. */
export function auditRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  app.use('/api/v1/audit', requirePermission('read_audit'));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['audit'],
      summary: 'Page through the append-only change log',
      request: {
        query: z.strictObject({
          after: z.coerce.number().int().min(0).default(0).openapi({ description: 'Entries after this sequence number' }),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                entries: z.array(Entry),
                next_after: z.number().nullable(),
                chain: z.object({
                  ok: z.boolean(),
                  entries: z.number().optional(),
                  seq: z.number().optional(),
                  reason: z.string().optional(),
                }),
              }),
            },
          },
          description: 'A page of entries',
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const { after, limit } = c.req.valid('query');
      const entries = auditPage(deps.db, after, limit);
      const last = entries[entries.length - 1];
      return c.json(
        { entries, next_after: entries.length === limit && last ? last.seq : null, chain: verifyAudit(deps.db) },
        200,
      );
    },
  );
}
