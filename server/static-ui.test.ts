import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDatabase } from './db/open.ts';
import { LawCache } from './store/rule-files.ts';

const database = openDatabase(':memory:');
const db = database.db;
afterAll(() => database.close());
const appFor = (uiDir: string) =>
  createApp({
    db,
    law: new LawCache(db),
    secret: 'x'.repeat(32),
    bodyLimitBytes: 1000,
    logRequests: false,
    cookieSecure: false,
    uiDir,
  });

const built = mkdtempSync(join(tmpdir(), 'ri-ui-'));
mkdirSync(join(built, 'assets'));
mkdirSync(join(built, '.vite'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>UI</title><ri-app></ri-app>');
writeFileSync(join(built, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(built, '.vite', 'manifest.json'), '{}');
const app = appFor(built);

describe('the admin UI at /', () => {
  it('serves index.html at / and, for the app’s own routes, at any other page path', async () => {
    for (const path of ['/', '/audit', '/questions/pai-referral', '/drafts/123?x=1']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<ri-app>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable, and a missing file or a dot-file as a plain 404', async () => {
    const js = await app.request('/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/.vite/manifest.json')).status).toBe(404);
  });

  it('sends a CSP that allows scripts and styles only from itself, and no framing', async () => {
    const res = await app.request('/audit');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('keeps JSON 404s for unknown /api paths and leaves /healthz to the API', async () => {
    const res = await app.request('/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await app.request('/api')).status).toBe(404);
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, node: expect.any(String) });
  });

  it('says how to build the UI when it is not built', async () => {
    const res = await appFor(join(built, 'nowhere')).request('/');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'UI_NOT_BUILT' } });
  });
});
