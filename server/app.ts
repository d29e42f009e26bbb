import cluster from 'node:cluster';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SignInThrottle } from './auth/sign-in-throttle.ts';
import { dialectOf } from './db/handle.ts';
import type { Database, Db } from './db/open.ts';
import { queryOne } from './db/raw.ts';
import { DocumentPool } from './document/document-pool.ts';
import { type AppEnv, identify } from './http/auth-middleware.ts';
import { docsPage } from './http/docs-page.ts';
import { errorBody, handleError, validationHook } from './http/errors.ts';
import { limitJsonDepth } from './http/json-depth.ts';
import { logRequests } from './http/request-log.ts';
import { serveUi } from './http/static-ui.ts';
import { createJobSystem, type JobSystem } from './jobs/job-system.ts';
import { auditRoutes } from './routes/audit.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { diffRoutes } from './routes/diff.ts';
import { draftDiffRoutes } from './routes/draft-diff.ts';
import { draftFileRoutes } from './routes/draft-files.ts';
import { draftImpactRoutes } from './routes/draft-impact.ts';
import { draftReviewRoutes } from './routes/draft-review.ts';
import { draftRoutes } from './routes/drafts.ts';
import { type BundledLaw, lawRoutes } from './routes/law.ts';
import { nextQuestionsRoutes } from './routes/next-questions.ts';
import { officeRoutes } from './routes/offices.ts';
import { ruleRoutes } from './routes/rules.ts';
import { sessionRoutes } from './routes/session.ts';
import { simulationRoutes } from './routes/simulations.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { whatIfRoutes } from './routes/what-if.ts';
import type { AuditAnchor } from './store/audit-anchor.ts';
import { ReceiptWriter } from './store/receipt-writer.ts';
import type { LawCache } from './store/rule-files.ts';

export interface AppDeps {
  db: Db;
  law: LawCache;
  secret: string;
  bodyLimitBytes: number;
  logRequests: boolean;
  cookieSecure: boolean;
  /** The rules folder (and shared cases) the server was started with, compared with the database on request. */
  bundled?: BundledLaw | undefined;
  /** The built admin UI, served at `/` when given. */
  uiDir?: string | undefined;
  /** Sign-in throttling (10 failures in 15 minutes per name and per address when not given). */
  throttle?: SignInThrottle;
  /** The job queue and worker pool (a default one, threads started only on demand, when not given). */
  jobs?: JobSystem;
  /** The threads that render decision documents (one, started on the first document, when not given). */
  documents?: DocumentPool;
  /** Batches up to this size are answered inline; larger ones on the pool (100 when not given). */
  batchInlineMax?: number;
  trustProxy?: boolean;
  /** Where each new head of the audit chain is published; the audit page checks the log against the newest. */
  anchor?: AuditAnchor | undefined;
  /** Stores the receipts of single decisions (committed on the event loop when not given; start.ts gives a threaded one). */
  receipts?: ReceiptWriter;
  log?: (line: string) => void;
}

/** The head of the OpenAPI document: served at /api/openapi.json and read by the UI's type generator. */
export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: { title: 'Reintegra API', version: '0.1.0', description: 'Rules as code for Polish social-employment law.' },
};

/** A database known only by its handle: enough for a receipt writer without a thread, which commits through the handle. */
function handleOnly(db: Db): Database {
  return { db, dialect: dialectOf(db), memory: false, synchronous: 'FULL', close: async () => {} };
}

/** Streamed to a file with its own limit, so the body limit of JSON requests does not apply. */
const UPLOAD_PATH = '/api/v1/simulations/uploads';

/** The HTTP door over the core: routes declared with zod, errors in one envelope, every route role-checked. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const throttle = deps.throttle ?? new SignInThrottle(deps.db, { maxFailures: 10, windowMinutes: 15 });
  const jobs =
    deps.jobs ??
    createJobSystem(deps.db, {
      threads: 1,
      perUser: 2,
      total: 8,
      uploadDir: join(tmpdir(), `reintegra-uploads-${process.pid}`),
      uploadLimitBytes: 1024 * 1024 * 1024,
      log,
    });
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  if (deps.logRequests) app.use('*', logRequests());
  const limit = bodyLimit({
    maxSize: deps.bodyLimitBytes,
    onError: (c) => {
      // The unread rest of the body would poison a kept-alive connection: close it.
      c.header('Connection', 'close');
      return c.json(errorBody('PAYLOAD_TOO_LARGE', `the body is larger than ${deps.bodyLimitBytes} bytes`), 413);
    },
  });
  const limitUnlessUpload: MiddlewareHandler = (c, next) => {
    if (c.req.path === UPLOAD_PATH) return next();
    // A declared length is checked from the header, as bodyLimit would, without touching the request's body stream:
    // bodyLimit's first look at it makes the node adapter build a full web Request, which then reads the body slowly.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(length))
      return Number(length) > deps.bodyLimitBytes ? limit(c, next) : next();
    return limit(c, next);
  };
  app.use('/api/*', limitUnlessUpload);
  app.use('/api/*', limitJsonDepth());
  app.use('/api/v1/*', identify(deps.db));
  sessionRoutes(app, { db: deps.db, cookieSecure: deps.cookieSecure, throttle, trustProxy: deps.trustProxy ?? false, log });
  decisionRoutes(app, {
    db: deps.db,
    receipts: deps.receipts ?? new ReceiptWriter(handleOnly(deps.db), { thread: false }),
    law: deps.law,
    secret: deps.secret,
    batches: jobs.batches,
    batchInlineMax: deps.batchInlineMax ?? 100,
    documents: deps.documents ?? new DocumentPool(1),
  });
  ruleRoutes(app, deps);
  diffRoutes(app, deps);
  // The import route first: its fixed path must not be read as a change set's id.
  lawRoutes(app, deps);
  draftRoutes(app, deps);
  draftFileRoutes(app, deps);
  draftReviewRoutes(app, deps);
  draftDiffRoutes(app, deps);
  draftImpactRoutes(app, { db: deps.db, law: deps.law, queue: jobs.queue, runner: jobs.runner });
  auditRoutes(app, { db: deps.db, anchor: deps.anchor });
  simulationRoutes(app, {
    db: deps.db,
    law: deps.law,
    bodyLimitBytes: deps.bodyLimitBytes,
    queue: jobs.queue,
    runner: jobs.runner,
    uploads: jobs.uploads,
  });
  catalogueRoutes(app, deps);
  whatIfRoutes(app, deps);
  nextQuestionsRoutes(app, deps);
  userRoutes(app, deps);
  officeRoutes(app, deps);
  tokenRoutes(app, deps);
  app.doc31('/api/openapi.json', OPENAPI_CONFIG);
  app.get('/api/docs', (c) => c.html(docsPage(app.getOpenAPI31Document(OPENAPI_CONFIG))));
  // Which process answered, when there are several (WORKERS): operators and the cluster test tell them apart.
  // For a balancer: 200 only while this node reaches its database; `node` says which node answered.
  const node = `${hostname()}:${process.pid}`;
  app.get('/healthz', async (c) => {
    const where = cluster.isWorker ? { node, worker: cluster.worker?.id } : { node };
    try {
      await queryOne(deps.db, 'SELECT 1 AS one');
    } catch {
      return c.json({ ok: false, ...where }, 503);
    }
    return c.json({ ok: true, ...where });
  });
  if (deps.uiDir) serveUi(app, deps.uiDir);
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError(handleError);
  return app;
}
