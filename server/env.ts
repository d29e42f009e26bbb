import { z } from 'zod';

/** The server's settings, read once from the environment and checked, so a bad value fails at start with its name. */
export const ServerEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int('PORT must be a whole number').min(0).max(65535).default(8787),
  DATABASE_PATH: z.string().min(1).default('./data/reintegra.db'),
  /** Password of the first admin; when absent one is generated and printed once. */
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must have at least 12 characters').optional(),
  /** Key of the HMAC over callers' case references; when absent one is generated and kept in the database. */
  REINTEGRA_SECRET: z.string().min(32, 'REINTEGRA_SECRET must have at least 32 characters').optional(),
  /** The rules folder imported on start (the bundled rules/ when absent). */
  RULES_DIR: z.string().min(1).optional(),
  /** Largest request body accepted, in bytes; larger ones are refused before they are parsed. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /** Send cookies with Secure (behind HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_REQUESTS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** Raised when the environment holds a bad value; its message names every variable at fault. */
export class EnvError extends Error {}

/** Parses the environment once, with a clear message per bad variable. */
export function parseEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const picked = Object.fromEntries(Object.keys(ServerEnv.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = ServerEnv.safeParse(picked);
  if (r.success) return r.data;
  throw new EnvError(
    r.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(picked[String(i.path[0])])})`).join('\n'),
  );
}
