import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../../adapters/fs/read-rules.ts';
import { readPopulation } from './read-population.ts';

const catalogue = loadRulesDirOrThrow().catalogue;
const PEOPLE = 200_000;

/** A CSV population made up on the fly, a quoted founders cell on every line; every 1000th person has a bad boolean. */
function* population(): Generator<string> {
  yield 'registered_unemployed,months_registered_last_24,social_contract,programme_end_date,exclusion_groups,founders';
  for (let i = 0; i < PEOPLE; i++) {
    const flag = i % 1000 === 999 ? 'yes' : i % 2 === 0 ? 'true' : 'false';
    yield `${flag},${i % 25},active,2023-01-${String((i % 28) + 1).padStart(2, '0')},disabled|released_prisoner,"natural:true|legal:false"`;
  }
}

describe('readPopulation (streaming)', () => {
  it('reads 200,000 people one at a time, counting without keeping them', async () => {
    let good = 0;
    let bad = 0;
    let lastLine = 1;
    let outOfOrder = 0;
    for await (const row of readPopulation(population(), { format: 'csv', catalogue })) {
      if ('error' in row) bad++;
      else good++;
      if (row.line !== lastLine + 1) outOfOrder++;
      lastLine = row.line;
    }
    expect({ good, bad, lastLine, outOfOrder }).toEqual({ good: PEOPLE - 200, bad: 200, lastLine: PEOPLE + 1, outOfOrder: 0 });
  }, 20_000);

  it('asks for a line only when the row before it has been taken', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<string> {
      for (const line of population()) {
        pulled++;
        yield line;
      }
    }
    const rows = readPopulation(counted(), { format: 'csv', catalogue });
    await rows.next();
    await rows.next();
    expect(pulled).toBe(3);
    await rows.return(undefined);
    expect(pulled).toBe(3);
  });

  it('stops reading the source at a bad header', async () => {
    let pulled = 0;
    function* lines(): Generator<string> {
      for (const line of ['bogus_fact', 'x', 'y']) {
        pulled++;
        yield line;
      }
    }
    const rows = [];
    for await (const row of readPopulation(lines(), { format: 'csv', catalogue })) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(pulled).toBe(1);
  });
});
