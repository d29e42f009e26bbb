import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './auth-middleware.ts';
import { LineBuffer, logRequests } from './request-log.ts';

describe('request log', () => {
  it('writes the lines of several requests in one write, without bodies', async () => {
    const writes: string[] = [];
    const buffer = new LineBuffer((t) => writes.push(t), 3_600_000);
    const app = new Hono<AppEnv>();
    app.use('*', logRequests(buffer));
    app.post('/a', (c) => c.json({ ok: true }));
    for (const body of ['{"secret":"x1"}', '{"secret":"x2"}']) await app.request('/a', { method: 'POST', body });
    await app.request('/missing');
    expect(writes).toEqual([]);
    buffer.flush();
    expect(writes).toHaveLength(1);
    const lines = (writes[0] as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['POST', '/a', 200],
      ['POST', '/a', 200],
      ['GET', '/missing', 404],
    ]);
    expect(writes[0]).not.toContain('secret');
  });

  it('writes at once when the waiting lines grow large', () => {
    const writes: string[] = [];
    const buffer = new LineBuffer((t) => writes.push(t), 3_600_000);
    for (let i = 0; i < 100; i++) buffer.add('x'.repeat(1000));
    expect(writes.length).toBeGreaterThan(0);
    buffer.flush();
    expect(writes.join('').split('\n').filter(Boolean)).toHaveLength(100);
  });
});
