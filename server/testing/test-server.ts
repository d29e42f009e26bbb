// A real server on 127.0.0.1 and a client for it: what the server tests share. Its database is a real SQLite file in
// a fresh folder, or, in the `pg` project of vitest.config.ts, a fresh database on a throw-away PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parseEnv, type ServerEnv } from '../env.ts';
import { type RunningServer, startServer } from '../start.ts';
import { createPgDatabase } from './pg-cluster.ts';

/** The database the server tests run on: SQLite unless the `pg` project of vitest.config.ts runs them. */
export const TEST_DATABASE: 'sqlite' | 'pg' = process.env.REINTEGRA_TEST_DATABASE === 'pg' ? 'pg' : 'sqlite';

/**
 * The settings that put a test server on PostgreSQL: a database of its own on the run's throw-away cluster, and the
 * shared secret nodes on one PostgreSQL need. Empty on SQLite.
 */
export async function testDatabaseSettings(): Promise<Record<string, string>> {
  if (TEST_DATABASE !== 'pg') return {};
  return {
    DATABASE_URL: await createPgDatabase(inject('pgAdminUrl')),
    REINTEGRA_SECRET: randomBytes(32).toString('base64url'),
  };
}

/** How a request authenticates: a system's bearer token, or a person's session cookie with its CSRF token. */
export type Auth = { token: string } | { cookie: string; csrf: string };

/** A reply: its status, headers and body (parsed when it is JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the server answered.
  body: any;
}

/** A test server: its folder, its settings, the server itself (replaced on restart), and a client. */
export interface TestServer {
  dir: string;
  env: ServerEnv;
  server: RunningServer;
  lines: string[];
  api(
    method: string,
    path: string,
    options?: { auth?: Auth; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Reply>;
  signIn(name: string, password: string): Promise<{ reply: Reply; auth?: Auth }>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server in a new temporary folder; `settings` are environment variables as strings. */
export async function testServer(prefix: string, settings: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), `ri-${prefix}-`));
  const env = parseEnv({
    DATABASE_PATH: join(dir, 'data', 'reintegra.db'),
    PORT: '0',
    ADMIN_PASSWORD: 'a-long-admin-password',
    LOG_REQUESTS: 'false',
    ...(await testDatabaseSettings()),
    ...settings,
  });
  const lines: string[] = [];
  const t: TestServer = {
    dir,
    env,
    lines,
    server: await startServer(env, (l) => lines.push(l)),
    async api(method, path, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      const auth = options.auth;
      if (auth && 'token' in auth) headers.authorization = `Bearer ${auth.token}`;
      if (auth && 'cookie' in auth) Object.assign(headers, { cookie: auth.cookie, 'x-csrf-token': auth.csrf });
      const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const res = await fetch(`${t.server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, text, body: parsed };
    },
    async signIn(name, password) {
      const reply = await t.api('POST', '/api/v1/session', { body: { name, password } });
      if (reply.status !== 200) return { reply };
      const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0] as string;
      return { reply, auth: { cookie, csrf: reply.body.csrf_token as string } };
    },
    async restart() {
      await t.server.close();
      t.server = await startServer(env, (l) => lines.push(l));
    },
    close: () => t.server.close(),
  };
  return t;
}
