import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSION_NAMES, permissionsOf, ROLES } from '../auth/roles.ts';
import { clearSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../auth/session-cookie.ts';
import type { SignInThrottle } from '../auth/sign-in-throttle.ts';
import type { Db } from '../db/open.ts';
import type { AppEnv } from '../http/auth-middleware.ts';
import { clientAddress } from '../http/client-address.ts';
import { ApiError } from '../http/errors.ts';
import { ErrorSchema, errorResponses, json } from '../http/schemas.ts';
import { appendAudit } from '../store/audit.ts';
import type { Principal } from '../store/people.ts';
import { SESSION_SECONDS, sessionPrincipal, signIn, signOut } from '../store/sessions.ts';

const Me = z
  .object({
    id: z.string().openapi({ description: 'The user id, as drafts name their author and reviewer' }),
    name: z.string(),
    role: z.enum(ROLES),
    permissions: z.array(z.enum(PERMISSION_NAMES)),
    csrf_token: z.string().nullable(),
  })
  .openapi('Session');

const me = (p: Principal, csrf: string | null) => ({
  id: p.id,
  name: p.name,
  role: p.role,
  permissions: permissionsOf(p.role),
  csrf_token: csrf,
});

export interface SessionDeps {
  db: Db;
  cookieSecure: boolean;
  throttle: SignInThrottle;
  trustProxy: boolean;
  log: (line: string) => void;
}

/** Sign-in with a password for the admin UI: an HttpOnly, SameSite session cookie and a CSRF token; guessing is throttled. */
export function sessionRoutes(app: OpenAPIHono<AppEnv>, deps: SessionDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/session',
      tags: ['session'],
      summary:
        'Sign in; sets the session cookie and returns the CSRF token to send as X-CSRF-Token. After too many failures for a name or an address, 429 with Retry-After',
      request: {
        body: {
          ...json(z.strictObject({ name: z.string().min(1).max(200), password: z.string().min(1).max(1000) })),
          required: true,
        },
      },
      responses: {
        200: { ...json(Me), description: 'Signed in' },
        ...errorResponses,
        429: {
          ...json(ErrorSchema),
          description: 'Too many failed sign-ins for this name or address: try again after Retry-After seconds',
        },
      },
    }),
    async (c) => {
      const { name, password } = c.req.valid('json');
      const address = clientAddress(c, deps.trustProxy);
      const wait = await deps.throttle.begin(name, address);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        deps.log(JSON.stringify({ level: 'warn', msg: 'sign-in refused: throttled', name, address, retry_after: seconds }));
        c.header('Retry-After', String(seconds));
        throw new ApiError(429, 'TOO_MANY_ATTEMPTS', `too many failed sign-ins: try again in ${seconds} s`, {
          retry_after: seconds,
        });
      }
      const s = await signIn(deps.db, name, password);
      if (!s) {
        const { blocked } = await deps.throttle.failed(name, address);
        deps.log(JSON.stringify({ level: 'warn', msg: 'sign-in failed', name, address }));
        await deps.db.transaction(async (tx) => {
          await appendAudit(tx, {
            actor: 'anonymous',
            action: 'session.sign_in_failed',
            subject: `user:${name}`,
            detail: { address },
          });
          for (const b of blocked)
            await appendAudit(tx, {
              actor: 'system',
              action: 'session.throttled',
              subject: b.by === 'name' ? `user:${name}` : `address:${address}`,
              detail: { by: b.by, seconds: b.seconds },
            });
        });
        throw new ApiError(401, 'BAD_CREDENTIALS', 'wrong name or password');
      }
      await deps.throttle.succeeded(name, address);
      c.header('Set-Cookie', sessionCookie(s.id, { secure: deps.cookieSecure, maxAgeSeconds: SESSION_SECONDS }));
      return c.json(me(s.principal, s.csrf), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/session',
      tags: ['session'],
      summary: 'Who is signed in, with what rights',
      responses: { 200: { ...json(Me), description: 'The session' }, ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      if (!p) throw new ApiError(401, 'UNAUTHENTICATED', 'not signed in');
      const id = readCookie(c.req.header('cookie'), SESSION_COOKIE);
      const csrf = p.via === 'session' && id ? ((await sessionPrincipal(deps.db, id))?.csrf ?? null) : null;
      return c.json(me(p, csrf), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/session',
      tags: ['session'],
      summary: 'Sign out',
      responses: { 200: { ...json(z.object({ ok: z.boolean() })), description: 'Signed out' }, ...errorResponses },
    }),
    async (c) => {
      const id = readCookie(c.req.header('cookie'), SESSION_COOKIE);
      if (id) await signOut(deps.db, id);
      c.header('Set-Cookie', clearSessionCookie({ secure: deps.cookieSecure }));
      return c.json({ ok: true }, 200);
    },
  );
}
