import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import type { Principal } from '../store/people.ts';
import { listTokens, revokeToken, type TokenRecord, tokenState } from '../store/tokens.ts';

const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    last_used_at: z.string().nullable().openapi({ description: 'When the token was last accepted, to the minute' }),
    revoked_at: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .openapi('ApiToken');

function view(t: TokenRecord) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    created_at: t.createdAt,
    expires_at: t.expiresAt,
    last_used_at: t.lastUsedAt,
    revoked_at: t.revokedAt,
    state: tokenState(t),
  };
}

/** API tokens for administrators: list them (never their secret) and revoke one; created with `reintegra token create`. */
export function tokenRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  app.use('/api/v1/tokens', requirePermission('manage_users'));
  app.use('/api/v1/tokens/:id', requirePermission('manage_users'));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/tokens',
      tags: ['users'],
      summary: 'Every API token with its role, expiry, last use and state (never the token itself)',
      responses: { 200: { ...json(z.object({ tokens: z.array(Token) })), description: 'Tokens by name' }, ...errorResponses },
    }),
    (c) => c.json({ tokens: listTokens(deps.db).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/tokens/{id}',
      tags: ['users'],
      summary: 'Revoke a token: refused from now on, kept so the audit log still names it',
      request: { params: IdParam },
      responses: { 200: { ...json(Token), description: 'The token, revoked' }, ...errorResponses },
    }),
    (c) => {
      const token = revokeToken(deps.db, c.req.valid('param').id, (c.get('principal') as Principal).id);
      if (!token) throw new ApiError(404, 'NOT_FOUND', 'no token with this id');
      return c.json(view(token), 200);
    },
  );
}
