import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, checkCsrf } from '../auth/csrf.ts';
import { can, type Permission } from '../auth/roles.ts';
import { readCookie, SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { Db } from '../db/open.ts';
import { type Principal, principalForToken } from '../store/people.ts';
import { sessionPrincipal } from '../store/sessions.ts';
import { ApiError } from './errors.ts';

export type AppEnv = { Variables: { principal?: Principal } };

/**
 * Sets who is asking, from `Authorization: Bearer <token>` or the session cookie; a cookie-authenticated
 * request that changes state must carry the session's CSRF token (and a same-host Origin).
 */
export function identify(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = m ? await principalForToken(db, m[1] as string) : undefined;
      if (!principal) throw new ApiError(401, 'UNAUTHENTICATED', 'the bearer token is not valid');
      c.set('principal', principal);
    } else {
      const sessionId = readCookie(c.req.header('cookie'), SESSION_COOKIE);
      const session = sessionId ? await sessionPrincipal(db, sessionId) : undefined;
      if (session) {
        const refused = checkCsrf({
          method: c.req.method,
          cookieAuth: true,
          sessionToken: session.csrf,
          ...optional('headerToken', c.req.header(CSRF_HEADER)),
          ...optional('origin', c.req.header('origin')),
          ...optional('host', c.req.header('host')),
        });
        if (refused) throw new ApiError(403, 'CSRF', refused);
        c.set('principal', session.principal);
      }
    }
    await next();
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Refuses, 401 or 403, a request whose principal may do none of `permissions` (one permission, or any of several). */
export function requirePermission(...permissions: readonly [Permission, ...Permission[]]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in, or send Authorization: Bearer <token>');
    if (!permissions.some((p) => can(principal.role, p))) {
      const what = permissions.map((p) => p.replace('_', ' ')).join(' or ');
      throw new ApiError(403, 'FORBIDDEN', `the role ${principal.role} may not ${what}`);
    }
    await next();
  };
}
