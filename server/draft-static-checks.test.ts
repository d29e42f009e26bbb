// The static checks in the editor's validation (issue 16, item 2): findings of the rule sets a change set touches,
// as warnings with file, line, column and the facts that show them; never blocking.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from './store/people.ts';
import { type Auth, type TestServer, testServer } from './testing/test-server.ts';

let t: TestServer;
let ed: Auth;
const read = (path: string) => readFileSync(new URL(`../rules/${path}`, import.meta.url), 'utf8');

beforeAll(async () => {
  t = await testServer('draft-static-checks');
  ed = { token: await createToken(t.server.db, { name: 'ed', role: 'editor' }) };
});
afterAll(() => t?.close());

describe('POST /api/v1/drafts/{id}/validate with the static checks', { timeout: 120_000 }, () => {
  it('reports a rule that can never apply as a warning at its line, with an example, and the draft stays valid', async () => {
    const yaml = read('cis-benefit/2022-02-15.yaml')
      .replace('valid_from: 2022-02-15', 'valid_from: 2027-01-01')
      .replace('when: unexcused_absence_days > 3', 'when: unexcused_absence_days < 0');
    const draft = await t.api('POST', '/api/v1/drafts', {
      auth: ed,
      body: { files: [{ path: 'rules/cis-benefit/2027-01-01.yaml', yaml }] },
    });
    expect(draft.status).toBe(201);
    const line = yaml.split('\n').findIndex((l) => l.includes('unexcused_absence_days < 0')) + 1;
    for (const [path, body] of [
      [`/api/v1/drafts/${draft.body.id}/validate`, undefined],
      [`/api/v1/drafts/${draft.body.id}/validate-text`, { yaml }],
    ] as const) {
      const r = await t.api('POST', path, { auth: ed, ...(body ? { body } : {}) });
      expect(r.status).toBe(200);
      expect(r.body.valid).toBe(true);
      const dead = r.body.problems.filter((p: { code: string }) => p.code === 'DEAD_RULE');
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ file: 'rules/cis-benefit/2027-01-01.yaml', line, severity: 'warning' });
      expect(dead[0].col).toBeGreaterThan(0);
      // No valid facts can show it: the example breaks the constraints it names.
      expect(dead[0].example).toMatchObject({ question: 'cis-benefit', version: '2027-01-01', outside: expect.any(Array) });
      expect(dead[0].example.facts.unexcused_absence_days).toBeLessThan(0);
    }
  });

  it('finds nothing in a proposal whose one finding is explained in its file', async () => {
    const draft = await t.api('POST', '/api/v1/drafts', {
      auth: ed,
      body: {
        proposal: true,
        files: [{ path: 'rules/cis-benefit/proposals/p.yaml', yaml: read('cis-benefit/proposals/flexible-absence.yaml') }],
      },
    });
    const r = await t.api('POST', `/api/v1/drafts/${draft.body.id}/validate`, { auth: ed });
    expect(r.status).toBe(200);
    expect(
      r.body.problems.filter((p: { code: string }) =>
        ['DEAD_RULE', 'SHADOWED_RULE', 'REDUNDANT_RULE', 'UNREACHABLE_OUTCOME', 'CHECKS_UNFINISHED'].includes(p.code),
      ),
    ).toEqual([]);
  });
});
