import type { Catalogue } from '../catalogue/catalogue.ts';
import { canonicalJson } from '../ir/hash.ts';
import { dayText } from '../law/day-text.ts';
import { expectationLine } from '../law/expectation-text.ts';
import { expectationChanges } from '../law/test-file-edit.ts';
import type { TestCase } from '../schema/test-case.ts';
import type { CaseFileDiff, Change } from './types.ts';

/**
 * What a new revision of a test-case file adds, removes and changes, case by case, in Polish and English:
 * a changed expectation shows its values before and after (amounts in złoty, outcomes by their labels).
 */
export function diffCaseFiles(
  file: string,
  before: readonly TestCase[],
  after: readonly TestCase[],
  catalogue: Catalogue,
): CaseFileDiff {
  const old = new Map(before.map((c) => [c.name, c]));
  const now = new Map(after.map((c) => [c.name, c]));
  const changes: Change[] = [];
  for (const c of after) {
    const was = old.get(c.name);
    const path = `cases[${c.name}]`;
    if (!was) {
      changes.push({
        kind: 'case_added',
        path,
        after: c,
        summary: {
          pl: `Nowy test „${c.name}” na dzień ${dayText(c.date, 'pl')}.`,
          en: `New test case "${c.name}" for ${dayText(c.date, 'en')}.`,
        },
      });
    } else if (canonicalJson(was) !== canonicalJson(c)) {
      const expect = expectationChanges(was.expect, c.expect);
      const rest = canonicalJson({ ...was, expect: null }) !== canonicalJson({ ...c, expect: null });
      const line = expectationLine(c.name, expect, '', catalogue);
      const strip = (t: string) => t.replace(/, (ponieważ|because): $/, '');
      changes.push({
        kind: 'case_changed',
        path,
        before: was,
        after: c,
        summary: {
          pl: `${expect.length ? `Zmieniony ${strip(line.pl)}` : `Zmieniony test „${c.name}”`}${rest ? ' (zmienione też dane sprawy)' : ''}.`,
          en: `${expect.length ? `Changed ${strip(line.en)}` : `Changed test case "${c.name}"`}${rest ? ' (its facts or date changed too)' : ''}.`,
        },
      });
    }
  }
  for (const c of before) {
    if (now.has(c.name)) continue;
    changes.push({
      kind: 'case_removed',
      path: `cases[${c.name}]`,
      before: c,
      summary: { pl: `Usunięty test „${c.name}”.`, en: `Removed test case "${c.name}".` },
    });
  }
  return { file, changes };
}
