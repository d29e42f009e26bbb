import { describe, expect, it } from 'vitest';
import { countText } from './plural.ts';

const TESTS = { pl: { one: 'test', few: 'testy', many: 'testów', other: 'testu' }, en: { one: 'test', other: 'tests' } };

describe('countText', () => {
  it('agrees the Polish noun with its number', () => {
    expect([1, 2, 4, 5, 12, 22, 25, 1.5].map((n) => countText(n, TESTS.pl, 'pl'))).toEqual([
      '1 test',
      '2 testy',
      '4 testy',
      '5 testów',
      '12 testów',
      '22 testy',
      '25 testów',
      '1,5 testu',
    ]);
  });
  it('agrees the English noun with its number', () => {
    expect([1, 2, 1000].map((n) => countText(n, TESTS.en, 'en'))).toEqual(['1 test', '2 tests', '1,000 tests']);
  });
});
