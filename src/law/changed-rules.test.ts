import { describe, expect, it } from 'vitest';
import { loadRulesDirOrThrow, readFiles, yamlFilesUnder } from '../adapters/fs/read-rules.ts';
import { loadLibrary } from '../load/load-library.ts';
import { changedResults, changedRules } from './changed-rules.ts';

const library = loadRulesDirOrThrow();
const v2022 = library.version('cis-benefit', '2022-02-15');

/** The bundled law with one more cis-benefit version: the 2022 text, edited. */
function amended(edit: (text: string) => string) {
  const files = readFiles(yamlFilesUnder('rules'));
  const base = files.find((f) => f.path.endsWith('cis-benefit/2022-02-15.yaml'))?.text as string;
  const text = edit(base.replace('valid_from: 2022-02-15', 'valid_from: 2027-01-01'));
  const { library: next, problems } = loadLibrary([...files, { path: 'rules/cis-benefit/2027-01-01.yaml', text }]);
  const version = next?.version('cis-benefit', '2027-01-01');
  if (!version) throw new Error(problems.map((p) => p.message).join('\n'));
  return version;
}

describe('changedRules', () => {
  it('finds nothing in a copy, and nothing when only a text changes', () => {
    expect(
      changedRules(
        v2022,
        amended((t) => t),
      ),
    ).toEqual([]);
    expect(
      changedRules(
        v2022,
        amended((t) => t.replace('ponad 3 dni w miesiącu', 'więcej niż 3 dni')),
      ),
    ).toEqual([]);
  });

  it('finds a rule whose condition changed, and a rule whose definition changed beneath it', () => {
    const conditions = changedRules(
      v2022,
      amended((t) => t.replace('when: unexcused_absence_days > 3', 'when: unexcused_absence_days > 5')),
    );
    expect(conditions.map((c) => [c.rule.id, c.change])).toEqual([['unexcused-absence-over-limit', 'changed']]);
    const defined = amended((t) => t.replace('min(unexcused_absence_days, 3)', 'min(unexcused_absence_days, 4)'));
    // The cut is not in any rule's condition or effect: it changes what the outcome pays.
    expect(changedRules(v2022, defined)).toEqual([]);
    expect(changedResults(v2022, defined)).toEqual([{ outcome: 'payable', change: 'changed' }]);
    expect(
      changedResults(
        v2022,
        amended((t) => t),
      ),
    ).toEqual([]);
  });

  it('counts every rule of a first version as new', () => {
    const all = changedRules(undefined, v2022 as NonNullable<typeof v2022>);
    expect(all.length).toBe(v2022?.rules.length);
    expect(all.every((c) => c.change === 'added')).toBe(true);
  });
});
