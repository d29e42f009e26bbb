import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/open.ts';
import { type AppEnv, requirePermission } from '../http/auth-middleware.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, IdParam, json } from '../http/schemas.ts';
import { createToken, PeopleError, type Principal } from '../store/people.ts';
import { listTokens, revokeToken, type TokenRecord, tokenByHash, tokenState } from '../store/tokens.ts';

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

const NewToken = z
  .strictObject({
    name: z.string().trim().min(1).max(100).openapi({ description: 'Who or what uses the token (a system, a script)' }),
    role: z.string().min(1).max(50),
    days: z.number().int().min(1).max(3650).default(90).openapi({ description: 'Days until it expires' }),
  })
  .openapi('NewApiToken');

/** API tokens for administrators: list them (never their secret), create one (its secret shown once), revoke one. */
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
    async (c) => c.json({ tokens: (await listTokens(deps.db)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/tokens',
      tags: ['users'],
      summary: 'Create a token: its secret is in this answer only (stored as a hash), audited',
      request: { body: { ...json(NewToken), required: true } },
      responses: {
        201: {
          ...json(Token.extend({ token: z.string().openapi({ description: 'The secret: shown once, never again' }) })),
          description: 'The token, with its secret',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      let secret: string;
      try {
        secret = await createToken(deps.db, body, (c.get('principal') as Principal).id);
      } catch (e) {
        if (e instanceof PeopleError)
          throw new ApiError(400, e.code, e.message, [{ field: e.field ?? 'body', message: e.message }]);
        throw e;
      }
      const record = await tokenByHash(deps.db, hashToken(secret));
      if (!record) throw new Error('the token just created is not stored');
      return c.json({ ...view(record), token: secret }, 201);
    },
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
    async (c) => {
      const token = await revokeToken(deps.db, c.req.valid('param').id, (c.get('principal') as Principal).id);
      if (!token) throw new ApiError(404, 'NOT_FOUND', 'no token with this id');
      return c.json(view(token), 200);
    },
  );
}
