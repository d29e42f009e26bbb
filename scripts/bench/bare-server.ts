// The baseline of `npm run bench -- --http`: a bare Hono route over the same json-rules-engine evaluator as the server's
// POST /api/v1/decisions (the library's interactive decide), with no storage, auth, validation or logging.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadRulesDirOrThrow } from '../../src/adapters/fs/read-rules.ts';
import type { DecisionRequest } from '../../src/schema/answer.ts';

const library = loadRulesDirOrThrow();
const app = new Hono();
app.post('/decide', async (c) => {
  try {
    return c.json(await library.decide((await c.req.json()) as DecisionRequest), 200);
  } catch (e) {
    return c.json({ error: { message: (e as Error).message } }, 400);
  }
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${info.port}` })}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
