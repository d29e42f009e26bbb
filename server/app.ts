import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db/open.ts';
import { type AppEnv, identify } from './http/auth-middleware.ts';
import { docsPage } from './http/docs-page.ts';
import { errorBody, handleError, validationHook } from './http/errors.ts';
import { serveUi } from './http/static-ui.ts';
import { auditRoutes } from './routes/audit.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { diffRoutes } from './routes/diff.ts';
import { draftDiffRoutes } from './routes/draft-diff.ts';
import { draftFileRoutes } from './routes/draft-files.ts';
import { draftReviewRoutes } from './routes/draft-review.ts';
import { draftRoutes } from './routes/drafts.ts';
import { type BundledLaw, lawRoutes } from './routes/law.ts';
import { ruleRoutes } from './routes/rules.ts';
import { sessionRoutes } from './routes/session.ts';
import { simulationRoutes } from './routes/simulations.ts';
import { userRoutes } from './routes/users.ts';
import { whatIfRoutes } from './routes/what-if.ts';
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
}

/** The head of the OpenAPI document: served at /api/openapi.json and read by the UI's type generator. */
export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: { title: 'Reintegra API', version: '0.1.0', description: 'Rules as code for Polish social-employment law.' },
};

/** The HTTP door over the core: routes declared with zod, errors in one envelope, every route role-checked. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  if (deps.logRequests) {
    app.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      // One JSON line per request: no body, no facts, no secrets.
      const principal = c.get('principal');
      process.stdout.write(
        `${JSON.stringify({ at: new Date().toISOString(), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start), who: principal?.name })}\n`,
      );
    });
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.bodyLimitBytes,
      onError: (c) => {
        // The unread rest of the body would poison a kept-alive connection: close it.
        c.header('Connection', 'close');
        return c.json(errorBody('PAYLOAD_TOO_LARGE', `the body is larger than ${deps.bodyLimitBytes} bytes`), 413);
      },
    }),
  );
  app.use('/api/v1/*', identify(deps.db));
  sessionRoutes(app, { db: deps.db, cookieSecure: deps.cookieSecure });
  decisionRoutes(app, deps);
  ruleRoutes(app, deps);
  diffRoutes(app, deps);
  // The import route first: its fixed path must not be read as a change set's id.
  lawRoutes(app, deps);
  draftRoutes(app, deps);
  draftFileRoutes(app, deps);
  draftReviewRoutes(app, deps);
  draftDiffRoutes(app, deps);
  auditRoutes(app, deps);
  simulationRoutes(app, deps);
  catalogueRoutes(app, deps);
  whatIfRoutes(app, deps);
  userRoutes(app, deps);
  app.doc31('/api/openapi.json', OPENAPI_CONFIG);
  app.get('/api/docs', (c) => c.html(docsPage(app.getOpenAPI31Document(OPENAPI_CONFIG))));
  app.get('/healthz', (c) => c.json({ ok: true }));
  if (deps.uiDir) serveUi(app, deps.uiDir);
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError(handleError);
  return app;
}
