import { asc, eq, or } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { apiTokens } from '../db/schema.ts';
import { appendAudit } from './audit.ts';
import { forgetTokens } from './people.ts';

/** A token as an administrator sees it: never its hash. */
export interface TokenRecord {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const visible = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** Whether a token is accepted now: active, expired or revoked. */
export function tokenState(t: TokenRecord, now = new Date()): 'active' | 'expired' | 'revoked' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt <= now.toISOString()) return 'expired';
  return 'active';
}

/** Every token, by name then creation. */
export function listTokens(db: Db): Promise<TokenRecord[]> {
  return db.select(visible).from(apiTokens).orderBy(asc(apiTokens.name), asc(apiTokens.createdAt));
}

/** The token whose secret hashes to `hash` (the one just created), without its hash. */
export async function tokenByHash(db: Db, hash: string): Promise<TokenRecord | undefined> {
  const [token] = await db.select(visible).from(apiTokens).where(eq(apiTokens.tokenHash, hash));
  return token;
}

/** The tokens an id or a name designates (a name may be shared by several). */
export function findTokens(db: Db, idOrName: string): Promise<TokenRecord[]> {
  return db
    .select(visible)
    .from(apiTokens)
    .where(or(eq(apiTokens.id, idOrName), eq(apiTokens.name, idOrName)));
}

/**
 * Revokes a token by id: it is refused from now on, kept so that the log still names it, and the revocation is
 * audited in the same transaction. Undefined when there is no such token; a revoked token stays as it was.
 */
export async function revokeToken(db: Db, id: string, actor: string): Promise<TokenRecord | undefined> {
  const revoked = await db.transaction(async (t) => {
    const [token] = await t.select(visible).from(apiTokens).where(eq(apiTokens.id, id));
    if (!token || token.revokedAt) return token;
    const revokedAt = new Date().toISOString();
    await t.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id));
    await appendAudit(t, { actor, action: 'token.revoke', subject: `token:${token.name}`, detail: { id } });
    return { ...token, revokedAt };
  });
  forgetTokens(db);
  return revoked;
}
