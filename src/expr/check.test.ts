import { describe, expect, it } from 'vitest';
import { Checker } from './check.ts';
import { parseExpression } from './parser.ts';
import { T, type Type } from './types.ts';

const SCOPE: Record<string, Type> = {
  months: { k: 'number', integer: true },
  registered: T.boolean,
  profile: { k: 'string', values: ['I', 'II', 'III', 'none'] },
  groups: T.list({ k: 'string', values: ['disabled', 'homeless_in_programme'] }),
  end_date: T.date,
  'zasilek.first_90_days': T.number,
  founders: T.list({ k: 'record', fields: { kind: { k: 'string', values: ['natural', 'legal'] }, at_risk: T.boolean } }),
};

function check(text: string) {
  const c = new Checker((name, node) => {
    const t = SCOPE[name];
    if (!t) c.problem('UNKNOWN_NAME', `unknown ${name}`, node);
    return t;
  });
  const type = c.check(parseExpression(text));
  return { type, problems: c.problems };
}

describe('Checker', () => {
  it('accepts well-typed conditions and amounts', () => {
    for (const ok of [
      'months > 12 and registered',
      'profile == "III" or profile in ["I", "II"]',
      '"disabled" in groups and not overlaps(groups, ["homeless_in_programme"])',
      'end_date >= "2022-02-15" and add_months(end_date, 6) >= "2024-01-01"',
      'count(founders, kind == "natural" and not at_risk) / count(founders) <= 0.5',
      'min(percent(120, zasilek.first_90_days), 2000) - 1',
    ]) {
      const { problems } = check(ok);
      expect(problems, ok).toEqual([]);
    }
  });

  it('reports a type mismatch, naming both types', () => {
    const { problems } = check('months > registered');
    expect(problems).toMatchObject([{ code: 'TYPE_MISMATCH', message: /whole number cannot be compared with a boolean/ }]);
  });

  it('reports an enumeration value that does not exist, with a suggestion', () => {
    const { problems } = check('profile == "IIII"');
    expect(problems).toMatchObject([{ code: 'UNKNOWN_VALUE', message: /did you mean "III"/, pos: 11 }]);
    expect(check('founders != [] and any(founders, kind == "legl")').problems).toMatchObject([
      { code: 'UNKNOWN_VALUE', message: /did you mean "legal"/ },
    ]);
  });

  it('reports unknown functions, wrong arity, and non-boolean conditions', () => {
    expect(check('mni(months, 2)').problems).toMatchObject([{ code: 'UNKNOWN_FUNCTION', message: /did you mean "min"/ }]);
    expect(check('add_months(end_date)').problems).toMatchObject([{ code: 'WRONG_ARGUMENTS' }]);
    expect(check('months and registered').problems).toMatchObject([{ code: 'TYPE_MISMATCH' }]);
    expect(check('add_months(end_date, 1.5)').problems).toMatchObject([{ code: 'TYPE_MISMATCH' }]);
    expect(check('"x" in months').problems).toMatchObject([{ code: 'TYPE_MISMATCH', message: /needs a list/ }]);
  });

  it('gives predicates the fields of each item and nothing else', () => {
    expect(check('count(founders, at_risk)').type).toMatchObject({ k: 'number', integer: true });
    expect(check('at_risk').problems).toMatchObject([{ code: 'UNKNOWN_NAME' }]);
  });
});
