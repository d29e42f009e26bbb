import { describe, expect, it } from 'vitest';
import type { Schemas } from '../shared/api/client.ts';
import { fileOf, openingPath, pathAfterSave, questionOfPath, relativePath, storedPath } from './draft-files.ts';

const file = (path: string) => ({ path, kind: 'ruleset', yaml: '', revision: 1, base: null, updated_by: 'u', updated_at: '' });
const draft = (paths: string[]) => ({ path: `rules/${paths[0]}`, files: paths.map(file) }) as unknown as Schemas['Draft'];

describe('the files of a change set', () => {
  it('names a file relative to rules/ or as stored, either way', () => {
    expect(relativePath('rules/cis-benefit/2027-01-01.yaml')).toBe('cis-benefit/2027-01-01.yaml');
    expect(storedPath('cis-benefit/2027-01-01.yaml')).toBe('rules/cis-benefit/2027-01-01.yaml');
    expect(storedPath('rules/facts.yaml')).toBe('rules/facts.yaml');
    expect(fileOf(draft(['facts.yaml']), 'rules/facts.yaml')?.path).toBe('facts.yaml');
  });

  it('opens the file asked for when it is there, else the first', () => {
    const d = draft(['cis-benefit/2027-01-01.yaml', 'cis-benefit/tests/cases.yaml']);
    expect(openingPath(d, 'cis-benefit/tests/cases.yaml')).toBe('cis-benefit/tests/cases.yaml');
    expect(openingPath(d, 'gone.yaml')).toBe('cis-benefit/2027-01-01.yaml');
  });

  it('follows a version that moved to the path of its new date when saved', () => {
    const before = draft(['cis-benefit/2022-02-15.yaml', 'cis-benefit/tests/cases.yaml']);
    const after = draft(['cis-benefit/2027-01-01.yaml', 'cis-benefit/tests/cases.yaml']);
    expect(pathAfterSave(before, after, 'cis-benefit/2022-02-15.yaml')).toBe('cis-benefit/2027-01-01.yaml');
    expect(pathAfterSave(before, after, 'cis-benefit/tests/cases.yaml')).toBe('cis-benefit/tests/cases.yaml');
  });

  it('tells the question a file belongs to', () => {
    expect(questionOfPath('cis-benefit/tests/cases.yaml')).toBe('cis-benefit');
    expect(questionOfPath('parameters/zasilek.yaml')).toBeUndefined();
    expect(questionOfPath('facts.yaml')).toBeUndefined();
  });
});
