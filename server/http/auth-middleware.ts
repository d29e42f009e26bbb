import type { MiddlewareHandler } from 'hono';
import { can, type Permission } from '../auth/roles.ts';
import type { Db } from '../db/open.ts';
import { type Principal, principalForToken } from '../store/people.ts';
import { ApiError } from './errors.ts';

export type AppEnv = { Variables: { principal?: Principal } };

/** Reads `Authorization: Bearer <token>` and sets who is asking; checks nothing yet. */
export function identify(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = m ? principalForToken(db, m[1] as string) : undefined;
      if (!principal) throw new ApiError(401, 'UNAUTHENTICATED', 'the bearer token is not valid');
      c.set('principal', principal);
    }
    await next();
  };
}

/** Lets through only a principal whose role has the permission: 401 without one, 403 with the wrong role. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in, or send Authorization: Bearer <token>');
    if (!can(principal.role, permission)) {
      throw new ApiError(403, 'FORBIDDEN', `the role ${principal.role} may not ${permission.replace('_', ' ')}`);
    }
    await next();
  };
}
