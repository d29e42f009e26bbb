import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../../adapters/fs/read-rules.ts';
import { readPopulation } from './read-population.ts';
import type { PopulationRow } from './types.ts';

const catalogue = loadRulesDirOrThrow().catalogue;

async function readCsv(lines: string[]): Promise<PopulationRow[]> {
  const rows: PopulationRow[] = [];
  for await (const row of readPopulation(lines, { format: 'csv', catalogue })) rows.push(row);
  return rows;
}

const HEADER =
  'registered_unemployed,months_registered_last_24,pai_months_completed,social_contract,programme_end_date,exclusion_groups,founders';

describe('readPopulation (CSV)', () => {
  it('reads every fact type, an empty cell leaving the fact out', async () => {
    const rows = await readCsv([
      HEADER,
      'true,12.5,3,active,2023-02-28,homeless_in_programme|disabled,"natural:true|legal:false"',
      'false,0,,,,,',
    ]);
    expect(rows).toStrictEqual([
      {
        line: 2,
        facts: {
          registered_unemployed: true,
          months_registered_last_24: 12.5,
          pai_months_completed: 3,
          social_contract: 'active',
          programme_end_date: '2023-02-28',
          exclusion_groups: ['homeless_in_programme', 'disabled'],
          founders: [
            { kind: 'natural', at_risk: true },
            { kind: 'legal', at_risk: false },
          ],
        },
      },
      { line: 3, facts: { registered_unemployed: false, months_registered_last_24: 0 } },
    ]);
  });

  it('reads quoted list and founders cells, and unquoted founders too', async () => {
    const rows = await readCsv([
      'founders,exclusion_groups',
      '"natural:true|natural:false|legal:false","disabled|refugee_in_programme"',
      'legal:false,disabled',
    ]);
    expect(rows).toEqual([
      {
        line: 2,
        facts: {
          founders: [
            { kind: 'natural', at_risk: true },
            { kind: 'natural', at_risk: false },
            { kind: 'legal', at_risk: false },
          ],
          exclusion_groups: ['disabled', 'refugee_in_programme'],
        },
      },
      { line: 3, facts: { founders: [{ kind: 'legal', at_risk: false }], exclusion_groups: ['disabled'] } },
    ]);
  });

  it("numbers rows by the file's lines, blank lines and a CRLF ending included", async () => {
    const rows = await readCsv(['', 'in_pai,sick_days', 'true,1', '', '   ', 'yes,1\r', 'false,2\r', '', 'false,x']);
    expect(rows.map((r) => [r.line, 'error' in r ? 'error' : 'facts'])).toEqual([
      [3, 'facts'],
      [6, 'error'],
      [7, 'facts'],
      [9, 'error'],
    ]);
    expect(rows[2]).toEqual({ line: 7, facts: { in_pai: false, sick_days: 2 } });
  });

  it('refuses a header with an unknown column once, with a suggestion, and reads no row', async () => {
    const rows = await readCsv(['in_pai,sick_dayz', 'true,1', 'false,2']);
    expect(rows).toEqual([
      {
        line: 1,
        error: {
          reason:
            'header: unknown column "sick_dayz" is not a fact; did you mean "sick_days"?; every column must name a fact (or be weight, voivodeship or powiat), so no row is read',
          column: 'sick_dayz',
        },
      },
    ]);
  });

  it('refuses a duplicated or nameless header column', async () => {
    expect(await readCsv(['in_pai,in_pai', 'true,true'])).toEqual([
      { line: 1, error: { reason: 'header: column "in_pai" appears twice; no row is read', column: 'in_pai' } },
    ]);
    expect(await readCsv(['in_pai,', 'true,'])).toEqual([
      { line: 1, error: { reason: 'header: column 2 has no name; no row is read' } },
    ]);
  });

  it('refuses 1 for a boolean', async () => {
    expect(await readCsv(['in_pai', '1'])).toEqual([
      { line: 2, error: { reason: 'column "in_pai" has a wrong value "1": write true or false', column: 'in_pai' } },
    ]);
  });

  it('refuses 12,5 (a decimal comma) for a number', async () => {
    const [row] = await readCsv(['months_registered_last_24', '"12,5"']);
    expect(row).toEqual({
      line: 2,
      error: {
        reason:
          'column "months_registered_last_24" has a wrong value "12,5": write a number in plain decimal notation, like 12 or 12.5',
        column: 'months_registered_last_24',
      },
    });
  });

  it('refuses a fraction for an integer and a number out of range, in the schema words', async () => {
    const rows = await readCsv(['pai_months_completed,months_registered_last_24', '2.5,', ',25', '2.0,24']);
    expect(rows[0]).toMatchObject({ line: 2, error: { column: 'pai_months_completed' } });
    expect(rows[0] && 'error' in rows[0] && rows[0].error.reason).toMatch(
      /^column "pai_months_completed" has a wrong value "2.5": .*int/,
    );
    expect(rows[1]).toMatchObject({ line: 3, error: { column: 'months_registered_last_24' } });
    expect(rows[1] && 'error' in rows[1] && rows[1].error.reason).toMatch(/"25".*24/);
    expect(rows[2]).toEqual({ line: 4, facts: { pai_months_completed: 2, months_registered_last_24: 24 } });
  });

  it('refuses an enum value outside the list, suggesting the near one', async () => {
    const [row] = await readCsv(['social_contract', 'activ']);
    expect(row).toMatchObject({ line: 2, error: { column: 'social_contract' } });
    expect(row && 'error' in row && row.error.reason).toMatch(
      /^column "social_contract" has a wrong value "activ": .*did you mean "active"\?$/,
    );
  });

  it('refuses a day that is not in the calendar, and one not written YYYY-MM-DD', async () => {
    const rows = await readCsv(['programme_end_date', '2023-02-30', '30.01.2023', '2024-02-29']);
    expect(rows).toEqual([
      {
        line: 2,
        error: {
          reason: 'column "programme_end_date" has a wrong value "2023-02-30": not a real calendar day',
          column: 'programme_end_date',
        },
      },
      {
        line: 3,
        error: {
          reason: 'column "programme_end_date" has a wrong value "30.01.2023": write the day as YYYY-MM-DD',
          column: 'programme_end_date',
        },
      },
      { line: 4, facts: { programme_end_date: '2024-02-29' } },
    ]);
  });

  it('refuses a list with an unknown code, saying which item', async () => {
    const [row] = await readCsv(['exclusion_groups', 'disabled|homeless']);
    expect(row).toMatchObject({ line: 2, error: { column: 'exclusion_groups' } });
    expect(row && 'error' in row && row.error.reason).toMatch(
      /^column "exclusion_groups" has a wrong value "disabled\|homeless": .*\(at 1\)$/,
    );
  });

  it('refuses founders of an unknown kind or not written kind:at_risk', async () => {
    const rows = await readCsv(['founders', 'natural:true|company:false', 'natural', 'natural:1']);
    expect(rows.map((r) => ('error' in r ? r.error.reason : 'facts'))).toEqual([
      expect.stringMatching(/^column "founders" has a wrong value "natural:true\|company:false": .*\(at 1\.kind\)$/),
      'column "founders" has a wrong value "natural": item 1 "natural" is not kind:at_risk; write items as kind:at_risk|kind:at_risk',
      'column "founders" has a wrong value "natural:1": item 1 "natural:1": at_risk "1": write true or false',
    ]);
  });

  it('refuses a row with too few or too many cells, and broken quoting', async () => {
    const rows = await readCsv(['in_pai,sick_days', 'true', 'true,1,2', 'true,"1']);
    expect(rows).toEqual([
      { line: 2, error: { reason: 'the row has 1 cells but the header has 2 columns' } },
      { line: 3, error: { reason: 'the row has 3 cells but the header has 2 columns' } },
      { line: 4, error: { reason: 'not valid CSV: a quoted cell is not closed on this line' } },
    ]);
  });

  it('drops a byte-order mark before the header', async () => {
    expect(await readCsv(['\uFEFFin_pai', 'true'])).toEqual([{ line: 2, facts: { in_pai: true } }]);
  });

  it('reads nothing from an empty file or a header alone', async () => {
    expect(await readCsv([])).toEqual([]);
    expect(await readCsv(['in_pai', ''])).toEqual([]);
  });
});

describe('non-fact columns', () => {
  const read = async (text: string, format: 'csv' | 'jsonl') => {
    const out = [];
    for await (const row of readPopulation(text.split('\n'), { format, catalogue })) out.push(row);
    return out;
  };

  it('reads weight, voivodeship and powiat apart from the facts, in CSV and JSON Lines', async () => {
    expect(await read('cis_period,weight,voivodeship,powiat\ntrial,2.5,mazowieckie,radomski\ntrial,,,', 'csv')).toEqual([
      { line: 2, facts: { cis_period: 'trial' }, weight: 2.5, attributes: { voivodeship: 'mazowieckie', powiat: 'radomski' } },
      { line: 3, facts: { cis_period: 'trial' } },
    ]);
    expect(await read('{"cis_period":"trial","weight":3,"voivodeship":"śląskie"}', 'jsonl')).toEqual([
      { line: 1, facts: { cis_period: 'trial' }, weight: 3, attributes: { voivodeship: 'śląskie' } },
    ]);
  });

  it('refuses a weight that is not a positive number and a region that is not a TERYT name, naming the column', async () => {
    const [bad] = await read('cis_period,weight\ntrial,-1', 'csv');
    expect(bad).toMatchObject({ line: 2, error: { column: 'weight' } });
    const [region] = await read('{"cis_period":"trial","voivodeship":"Mazowsze"}', 'jsonl');
    expect(region).toMatchObject({ line: 1, error: { column: 'voivodeship' } });
  });
});
