import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { BUNDLED_RULES_DIR } from '../src/adapters/fs/read-rules.ts';
import { createApp } from './app.ts';
import type { ServerSecret } from './auth/server-secret.ts';
import { SignInThrottle } from './auth/sign-in-throttle.ts';
import { listen } from './db/listen.ts';
import type { Db } from './db/open.ts';
import { queryOne } from './db/raw.ts';
import { DocumentPool } from './document/document-pool.ts';
import { type ServerEnv, uploadDir } from './env.ts';
import {
  createJobSystem,
  type JobSystem,
  MAX_ATTEMPTS,
  recoverJobs,
  restartProgress,
  settleFailedJob,
} from './jobs/job-system.ts';
import { PgBossJobQueue, startBoss } from './jobs/pg-boss-queue.ts';
import { poolSize } from './jobs/pool.ts';
import { sweepUploads } from './jobs/uploads.ts';
import { verifyAudit } from './store/audit.ts';
import { startSweeper } from './store/maintenance.ts';
import { openStore, type Store } from './store/open-store.ts';
import { ensureAdmin } from './store/people.ts';
import { ReceiptWriter } from './store/receipt-writer.ts';
import { importRulesDir, LAW_CHANNEL, LawCache } from './store/rule-files.ts';

/** The project's unchanged copy of the shared acceptance cases, run against every draft. */
const SHARED_CASES_DIR = fileURLToPath(new URL('../test/shared-cases', import.meta.url));
/** The admin UI as `vite build` writes it (npm start builds it when its sources changed). */
export const UI_DIST_DIR = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

/** A running server and how to stop it. */
export interface RunningServer {
  url: string;
  db: Db;
  store: Store;
  jobs: JobSystem;
  /** The threads that render decision documents, apart from the jobs'. */
  documents: DocumentPool;
  close(): Promise<void>;
}

/** True while a run that has not ended reads its persons from this upload (ids are UUIDs: no LIKE wildcards). */
async function uploadInUse(db: Db, id: string): Promise<boolean> {
  const row = await queryOne(db, "SELECT 1 AS one FROM simulations WHERE status = 'running' AND request LIKE ?", [
    `%"upload":"${id}"%`,
  ]);
  return row !== undefined;
}

/** pg-boss acts on an expired lease only when it supervises: often enough that a dead node's job moves within about a lease. */
function superviseEvery(env: ServerEnv): number {
  return Math.max(1, Math.min(10, Math.floor(env.JOB_EXPIRE_SECONDS / 3)));
}

/** The database URL as the log may show it: without its password. */
function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** One sentence at start saying where the key that protects case references and the audit chain lives. */
function secretLine(secret: ServerSecret): string {
  const where =
    secret.source === 'environment'
      ? 'REINTEGRA_SECRET'
      : secret.source === 'file'
        ? `${secret.path} (mode 0600, kept apart from the database: back it up separately)`
        : 'memory only (an in-memory database)';
  return JSON.stringify({
    level: 'info',
    msg: `the key of case references and of the audit chain is in ${where}`,
    source: secret.source,
    ...(secret.path ? { path: secret.path } : {}),
    created: secret.created,
    moved_from_database: secret.movedFromDatabase,
  });
}

/**
 * Opens the database (migrating it), keys the audit chain, checks it against its anchor, imports what is new in the
 * rules folder and makes the first admin when there are no users. With WORKERS, the primary process does this once
 * before the workers start, so that they do not race to migrate or import.
 */
export async function prepareStore(env: ServerEnv, log: (line: string) => void): Promise<{ store: Store; rulesDir: string }> {
  const store = await openStore(env, log);
  const { db } = store;
  log(secretLine(store.secret));
  const anchored = store.anchor?.latest();
  if (anchored) {
    const chain = await verifyAudit(db, { head: anchored.hash });
    if (!chain.ok)
      log(
        JSON.stringify({
          level: 'error',
          msg: 'the audit chain does not hold against its published head',
          ...chain,
          published: anchored,
        }),
      );
  }
  const rulesDir = env.RULES_DIR ?? BUNDLED_RULES_DIR;
  const { imported, differing } = await importRulesDir(db, rulesDir);
  if (existsSync(SHARED_CASES_DIR)) {
    const shared = await importRulesDir(db, SHARED_CASES_DIR, 'rules/shared-cases/tests');
    imported.push(...shared.imported);
    differing.push(...shared.differing);
  }
  log(JSON.stringify({ level: 'info', msg: 'rules imported', imported: imported.length }));
  if (differing.length)
    log(
      JSON.stringify({
        level: 'warn',
        msg: 'the bundled rules differ from the published law; an admin can open them as a change set (GET /api/v1/law/bundled)',
        differing,
      }),
    );
  const admin = await ensureAdmin(db, env.ADMIN_PASSWORD);
  if (admin.generated) log(`First start: created user "admin" with password ${admin.generated} (shown once; change it).`);
  return { store, rulesDir };
}

/** How a process of several (WORKERS) starts: whether it resumes the jobs a stopped server left, and how it says it listens. */
export interface StartOptions {
  /** False in all workers but the first: only one process may take over the jobs left running. */
  recoverJobs?: boolean;
  /** The `msg` of the line that says the server listens ("listening" unless a worker of several). */
  listeningMsg?: string;
}

/**
 * Prepares the database ({@link prepareStore}), resumes or fails the jobs a stopped server left, and serves the API.
 */
export async function startServer(
  env: ServerEnv,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  options: StartOptions = {},
): Promise<RunningServer> {
  const { store, rulesDir } = await prepareStore(env, log);
  const { db } = store;
  // What this process publishes it sees at once. On SQLite with WORKERS another process may publish: the newest rule
  // file's id is read on every request. On PostgreSQL another node may: its notification reaches every node at once,
  // and the id is read again at least once a second should a notification be lost with a dropped connection.
  const law = new LawCache(db, { recheckMs: store.dialect === 'pg' ? 1_000 : env.WORKERS > 1 ? 0 : Number.POSITIVE_INFINITY });
  const listening = env.DATABASE_URL ? await listen(env.DATABASE_URL, LAW_CHANNEL, () => law.invalidate(), log) : undefined;
  await law.get();
  const boss = env.DATABASE_URL ? await startBoss(env.DATABASE_URL, { superviseSeconds: superviseEvery(env), log }) : undefined;
  const limits = { perUser: env.JOBS_PER_USER, total: env.JOBS_TOTAL };
  const queue = boss
    ? new PgBossJobQueue(db, boss, limits, {
        expireSeconds: env.JOB_EXPIRE_SECONDS,
        heartbeatSeconds: env.JOB_EXPIRE_SECONDS / 3,
        maxAttempts: MAX_ATTEMPTS,
        onFailedAtResume: (job, reason) => settleFailedJob(db, job, reason),
        onResumed: async (job) => {
          await restartProgress(db, job);
          log(JSON.stringify({ level: 'info', msg: 'job resumed', job: job.id, kind: job.kind, attempt: job.attempts }));
        },
        log,
      })
    : undefined;
  const jobs = createJobSystem(db, {
    ...(queue ? { queue, pollMs: 1_000 } : {}),
    threads: poolSize(env.WORKER_THREADS),
    perUser: env.JOBS_PER_USER,
    total: env.JOBS_TOTAL,
    uploadDir: uploadDir(env),
    uploadLimitBytes: env.UPLOAD_LIMIT_BYTES,
    log,
  });
  if (options.recoverJobs !== false) await recoverJobs(db, jobs, log);
  const stopSweeper = startSweeper(db, {
    everyMs: 10 * 60_000,
    uploads: () => sweepUploads(jobs.uploads, (id) => uploadInUse(db, id)),
    log,
  });
  const receipts = new ReceiptWriter(store.database);
  const documents = new DocumentPool(env.DOCUMENT_THREADS);
  const app = createApp({
    db,
    receipts,
    law,
    secret: store.secret.value,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    logRequests: env.LOG_REQUESTS,
    cookieSecure: env.COOKIE_SECURE,
    bundled: { rulesDir, sharedCasesDir: SHARED_CASES_DIR },
    uiDir: UI_DIST_DIR,
    throttle: new SignInThrottle(db, {
      maxFailures: env.SIGN_IN_MAX_FAILURES,
      windowMinutes: env.SIGN_IN_WINDOW_MINUTES,
    }),
    jobs,
    documents,
    batchInlineMax: env.BATCH_INLINE_MAX,
    trustProxy: env.TRUST_PROXY,
    anchor: store.anchor,
    log,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s));
  });
  // Idle keep-alive connections outlive the client's own timeout (undici keeps them 4 s): when the server closed
  // first, a request sent on a connection it was closing at that moment would be reset.
  (server as Server).keepAliveTimeout = 65_000;
  (server as Server).headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  log(
    JSON.stringify({
      level: 'info',
      msg: options.listeningMsg ?? 'listening',
      url,
      database: env.DATABASE_URL ? redactedUrl(env.DATABASE_URL) : env.DATABASE_PATH,
      synchronous: env.DB_SYNCHRONOUS,
      workers: jobs.pool.size,
    }),
  );
  return {
    url,
    db,
    store,
    jobs,
    documents,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([stopSweeper(), receipts.close(), jobs.close(), documents.close(), listening?.close()]);
      await boss?.stop({ graceful: false, wait: true }).catch(() => {});
      await store.close();
    },
  };
}
