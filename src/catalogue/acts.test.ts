import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow } from '../adapters/fs/read-rules.ts';
import { loadLibrary } from '../load/load-library.ts';
import { ACTS } from '../schema/common.ts';

describe('the acts catalogue (rules/acts.yaml)', () => {
  const library = loadRulesDirOrThrow();
  const { acts } = library.catalogue;

  it('names every act a basis may cite, with its full title in both languages and where it was published', () => {
    for (const a of ACTS) {
      const act = acts.get(a);
      expect(act, a).toBeDefined();
      expect(act?.title.pl, a).toMatch(/^Ustawa z dnia \d{1,2} \S+ \d{4} r\. /);
      expect(act?.title.en, a).toMatch(/^Act of \d{1,2} [A-Z][a-z]+ \d{4} /);
      expect(act?.dz_u, a).toMatch(/^Dz\.U\. \d{4}/);
    }
  });

  it('refuses an act file with a wrong citation, at its line', () => {
    const { problems } = loadLibrary([{ path: 'acts.yaml', text: 'UZS:\n  title: { pl: a, en: b }\n  dz_u: Dziennik 2003\n' }]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['INVALID_VALUE', 3]]);
  });
});
