import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { BUNDLED_RULES_DIR } from '../src/adapters/fs/read-rules.ts';
import { createApp } from './app.ts';
import { type Db, openDatabase } from './db/open.ts';
import type { ServerEnv } from './env.ts';
import { caseRefSecret, ensureAdmin } from './store/people.ts';
import { importRulesDir, LawCache } from './store/rule-files.ts';

/** The project's unchanged copy of the shared acceptance cases, run against every draft. */
const SHARED_CASES_DIR = fileURLToPath(new URL('../test/shared-cases', import.meta.url));
/** The admin UI as `vite build` writes it (npm start builds it when its sources changed). */
export const UI_DIST_DIR = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

/** A running server and how to stop it. */
export interface RunningServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), imports what is new in the rules folder, makes the first
 * admin when there are no users, and serves the API.
 */
export async function startServer(
  env: ServerEnv,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<RunningServer> {
  const db = openDatabase(env.DATABASE_PATH);
  const rulesDir = env.RULES_DIR ?? BUNDLED_RULES_DIR;
  const { imported, differing } = importRulesDir(db, rulesDir);
  if (existsSync(SHARED_CASES_DIR)) {
    const shared = importRulesDir(db, SHARED_CASES_DIR, 'rules/shared-cases/tests');
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
  const law = new LawCache(db);
  law.get();
  const app = createApp({
    db,
    law,
    secret: caseRefSecret(db, env.REINTEGRA_SECRET),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    logRequests: env.LOG_REQUESTS,
    cookieSecure: env.COOKIE_SECURE,
    bundled: { rulesDir, sharedCasesDir: SHARED_CASES_DIR },
    uiDir: UI_DIST_DIR,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  log(JSON.stringify({ level: 'info', msg: 'listening', url, database: env.DATABASE_PATH }));
  return {
    url,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.$client.close();
          resolve();
        });
      }),
  };
}
