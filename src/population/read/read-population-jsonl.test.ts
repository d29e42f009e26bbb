import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../../adapters/fs/read-rules.ts';
import { readPopulation } from './read-population.ts';
import type { PopulationRow } from './types.ts';

const catalogue = loadRulesDirOrThrow().catalogue;

async function readJsonl(lines: string[]): Promise<PopulationRow[]> {
  const rows: PopulationRow[] = [];
  for await (const row of readPopulation(lines, { format: 'jsonl', catalogue })) rows.push(row);
  return rows;
}

describe('readPopulation (JSONL)', () => {
  it('reads objects of facts, skipping blank lines but counting them', async () => {
    const person = {
      registered_unemployed: true,
      months_registered_last_24: 12.5,
      pai_months_completed: 3,
      social_contract: 'active',
      programme_end_date: '2023-02-28',
      exclusion_groups: ['disabled'],
      founders: [{ kind: 'natural', at_risk: true }],
    };
    const rows = await readJsonl(['', JSON.stringify(person), '  ', '{}']);
    expect(rows).toEqual([
      { line: 2, facts: person },
      { line: 4, facts: {} },
    ]);
  });

  it('refuses an unknown fact with a suggestion', async () => {
    expect(await readJsonl(['{"in_pai":true}', '{"sick_dayz":1}'])).toEqual([
      { line: 1, facts: { in_pai: true } },
      { line: 2, error: { reason: '"sick_dayz" is not a fact; did you mean "sick_days"?', column: 'sick_dayz' } },
    ]);
  });

  it('refuses a wrong value as the API does, never coercing it', async () => {
    const rows = await readJsonl([
      '{"in_pai":1}',
      '{"in_pai":"true"}',
      '{"programme_end_date":"2023-02-30"}',
      '{"founders":[{"kind":"natural"}]}',
      '{"days_in_programme":null}',
    ]);
    expect(rows.map((r) => ('error' in r ? [r.line, r.error.column] : r.line))).toEqual([
      [1, 'in_pai'],
      [2, 'in_pai'],
      [3, 'programme_end_date'],
      [4, 'founders'],
      [5, 'days_in_programme'],
    ]);
    expect(rows[0] && 'error' in rows[0] && rows[0].error.reason).toMatch(/^fact "in_pai" has a wrong value 1: .*boolean/);
    expect(rows[2] && 'error' in rows[2] && rows[2].error.reason).toBe(
      'fact "programme_end_date" has a wrong value "2023-02-30": not a real calendar day',
    );
    expect(rows[3] && 'error' in rows[3] && rows[3].error.reason).toMatch(/\(at 0\.at_risk\)$/);
  });

  it('reports invalid JSON and a line that is not an object with their line numbers', async () => {
    const rows = await readJsonl(['{"in_pai":true}', '', '{"in_pai":tru', '[1]', 'null', '"x"']);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4, 5, 6]);
    expect(rows[1] && 'error' in rows[1] && rows[1].error.reason).toMatch(/^invalid JSON: /);
    expect(rows.slice(2).map((r) => 'error' in r && r.error.reason)).toEqual([
      'a line must be a JSON object of facts, not [1]',
      'a line must be a JSON object of facts, not null',
      'a line must be a JSON object of facts, not "x"',
    ]);
  });

  it('treats __proto__ as an unknown fact, not as a prototype', async () => {
    expect(await readJsonl(['{"__proto__":{"in_pai":true}}'])).toEqual([
      { line: 1, error: { reason: '"__proto__" is not a fact', column: '__proto__' } },
    ]);
  });
});
