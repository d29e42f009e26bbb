import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './auth-middleware.ts';
import { errorBody } from './errors.ts';

/** Headers of every UI response: scripts and styles only from this server, no framing, no referrer. */
const uiHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Lit's styles are adopted stylesheets, which CSP does not count as inline: no 'unsafe-inline' needed.
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  // HSTS is the HTTPS front's to decide, not a server that also answers plain HTTP on 127.0.0.1.
  strictTransportSecurity: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** True for paths the API owns, which never fall back to the UI. */
const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/') || path === '/healthz';

/** True for a path that names a file (its last segment has an extension): a missing one is a 404, not the app. */
const looksLikeFile = (path: string) => /\.[a-z0-9]+$/i.test(path.split('/').pop() ?? '');

/** True for a path through a dot-file or dot-folder (the build stamp, vite's manifest): never served. */
const isHidden = (path: string) => /(^|\/)\./.test(path);

/** Hashed assets never change under their name; the page itself is checked on every load. */
const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
};

/**
 * Serves the built admin UI from `dir` at `/`: its files as they are, and index.html for any other GET path
 * (the app routes on the client); /api and /healthz paths keep their JSON 404s.
 */
export function serveUi(app: OpenAPIHono<AppEnv>, dir: string): void {
  const index = join(dir, 'index.html');
  // Made on first use: serveStatic complains at creation about a folder that is not built yet.
  let files: MiddlewareHandler | undefined;
  let page: MiddlewareHandler | undefined;
  app.get('*', async (c, next) => {
    if (isApiPath(c.req.path)) return c.notFound();
    if (isHidden(c.req.path)) return c.text('Not found', 404);
    if (!existsSync(index)) {
      return c.json(errorBody('UI_NOT_BUILT', 'the admin UI is not built: run npm run build:ui (npm start does it)'), 503);
    }
    await next();
  });
  app.get(
    '*',
    uiHeaders,
    cacheControl,
    (c, next) => {
      files ??= serveStatic({ root: dir });
      return files(c, next);
    },
    async (c, next) => {
      if (looksLikeFile(c.req.path)) return c.text('Not found', 404);
      page ??= serveStatic({ path: index });
      return page(c, next);
    },
  );
}
