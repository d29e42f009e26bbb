import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { SYNCHRONOUS_LEVELS } from './db/open.ts';
import { isPostgresUrl } from './db/open-pg.ts';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');
const whole = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** The server's settings, read once from the environment and checked, so a bad value fails at start with its name. */
export const ServerEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int('PORT must be a whole number').min(0).max(65535).default(8787),
  DATABASE_PATH: z.string().min(1).default('./data/reintegra.db'),
  /**
   * PostgreSQL instead of the SQLite file (`postgres://user:password@host:port/database`): any number of server
   * processes, on any number of machines, may share it. They must share REINTEGRA_SECRET (or one SECRET_PATH) too.
   */
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'DATABASE_URL must be a postgres:// URL (leave it unset for the SQLite file)')
    .optional(),
  /** Connections each process keeps open to PostgreSQL. */
  DATABASE_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Password of the first admin; when absent one is generated and printed once. */
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must have at least 12 characters').optional(),
  /**
   * The server's secret: keys the HMAC over callers' case references and the audit chain. When absent, one is
   * generated once and kept in the file SECRET_PATH (mode 0600), never in the database.
   */
  REINTEGRA_SECRET: z.string().min(32, 'REINTEGRA_SECRET must have at least 32 characters').optional(),
  /** Where the generated secret lives when REINTEGRA_SECRET is not set; beside the data folder by default. */
  SECRET_PATH: z.string().min(1).optional(),
  /** The append-only file each new head of the audit chain is written to; beside the data folder by default. */
  AUDIT_ANCHOR_PATH: z.string().min(1).optional(),
  /** SQLite's synchronous level: FULL (the default) loses no answered receipt on power loss; NORMAL is faster. */
  DB_SYNCHRONOUS: z.enum(SYNCHRONOUS_LEVELS).default('FULL'),
  /** Days an API token lives unless its creator says otherwise. */
  TOKEN_DAYS: whole(90),
  /** Failed sign-ins allowed per user name, and per client address, within SIGN_IN_WINDOW_MINUTES. */
  SIGN_IN_MAX_FAILURES: whole(10),
  SIGN_IN_WINDOW_MINUTES: whole(15),
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  TRUST_PROXY: flag('false'),
  /**
   * Server processes on the same port and database file (node:cluster), e.g. one per processor; 1 serves from this
   * process alone. Each has its own worker pool of WORKER_THREADS.
   */
  WORKERS: whole(1),
  /** Threads of the worker pool for simulations and large batches; 0 means one fewer than the processors (at least 1). */
  WORKER_THREADS: whole(0, 0),
  /** Threads that render decision documents (PDF, DOCX), apart from the job pool; started on the first document. */
  DOCUMENT_THREADS: whole(1),
  /** Jobs (queued or running) one user may have, and the whole server; beyond them a request gets 429. */
  JOBS_PER_USER: whole(2),
  JOBS_TOTAL: whole(8),
  /**
   * On PostgreSQL: seconds after which a job whose node stopped renewing its lease (killed, cut off) is handed to
   * another node. A live node renews it every third of this time, so a long job is never taken from a live node.
   */
  JOB_EXPIRE_SECONDS: whole(60, 3),
  /** A batch larger than this runs on the worker pool instead of the request's thread. */
  BATCH_INLINE_MAX: whole(100, 0),
  /** Where uploaded populations are streamed; beside the database by default. */
  UPLOAD_DIR: z.string().min(1).optional(),
  /** The largest population file accepted, in bytes. */
  UPLOAD_LIMIT_BYTES: whole(1024 * 1024 * 1024),
  /** The rules folder imported on start (the bundled rules/ when absent). */
  RULES_DIR: z.string().min(1).optional(),
  /** Largest request body accepted, in bytes; larger ones are refused before they are parsed. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /** Send cookies with Secure (behind HTTPS). */
  COOKIE_SECURE: flag('false'),
  LOG_REQUESTS: flag('true'),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** Nodes on one PostgreSQL must key case references and the audit chain alike: a key generated per node would not. */
const SHARED_SECRET =
  'DATABASE_URL: nodes sharing PostgreSQL must share one secret: set REINTEGRA_SECRET (at least 32 characters), or SECRET_PATH to the same key file on every node';

/** Raised when the environment holds a bad value; its message names every variable at fault. */
export class EnvError extends Error {}

/** Parses the environment once, with a clear message per bad variable. */
export function parseEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const picked = Object.fromEntries(Object.keys(ServerEnv.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = ServerEnv.safeParse(picked);
  if (r.success) {
    if (r.data.DATABASE_URL && !r.data.REINTEGRA_SECRET && !r.data.SECRET_PATH) throw new EnvError(SHARED_SECRET);
    return r.data;
  }
  throw new EnvError(
    r.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(picked[String(i.path[0])])})`).join('\n'),
  );
}

/** The folder that holds the database, as an absolute path. */
function dataFolder(env: Pick<ServerEnv, 'DATABASE_PATH'>): string {
  return resolve(dirname(env.DATABASE_PATH));
}

/** Beside the data folder, not in it: a copy of the data folder alone does not carry the key. */
export function secretPath(env: Pick<ServerEnv, 'DATABASE_PATH' | 'SECRET_PATH'>): string {
  if (env.SECRET_PATH) return resolve(env.SECRET_PATH);
  const data = dataFolder(env);
  return join(dirname(data), `${basename(data)}.secret`);
}

/** The audit chain's anchor file: beside the data folder, so cutting the log in the database leaves it whole. */
export function anchorPath(env: Pick<ServerEnv, 'DATABASE_PATH' | 'AUDIT_ANCHOR_PATH'>): string {
  if (env.AUDIT_ANCHOR_PATH) return resolve(env.AUDIT_ANCHOR_PATH);
  const data = dataFolder(env);
  return join(dirname(data), `${basename(data)}.audit-heads`);
}

/** Where uploaded populations are kept until their run ends. */
export function uploadDir(env: Pick<ServerEnv, 'DATABASE_PATH' | 'UPLOAD_DIR'>): string {
  return env.UPLOAD_DIR ? resolve(env.UPLOAD_DIR) : join(dataFolder(env), 'uploads');
}
