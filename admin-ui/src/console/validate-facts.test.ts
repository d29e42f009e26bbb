import { describe, expect, it } from 'vitest';
import type { FactDefinitions } from './fact-form-state.ts';
import { fieldProblems } from './validate-facts.ts';

const label = { pl: 'x', en: 'x' };
const DEFS: FactDefinitions = {
  days: { type: 'integer', min: 1, max: 31, label },
  hours: { type: 'number', min: 0, label },
  end: { type: 'date', label },
  founders: { type: 'records', fields: { kind: { type: 'enum', values: ['natural', 'legal'] } }, label },
};

describe('checking the form before it is sent', () => {
  it('names each field the API would refuse, and why', () => {
    const problems = fieldProblems(DEFS, Object.keys(DEFS), {
      days: '2.5',
      hours: '-1',
      end: '30.02.2025',
      founders: [{ kind: 'natural' }, { kind: undefined }],
    });
    expect(Object.fromEntries(problems)).toEqual({
      days: { kind: 'integer' },
      hours: { kind: 'min', min: 0 },
      end: { kind: 'date' },
      founders: { kind: 'record' },
    });
  });

  it('leaves empty fields alone (the answer names what is missing) and passes good values', () => {
    expect(fieldProblems(DEFS, Object.keys(DEFS), { days: '', hours: '1,5', end: '28.02.2025', founders: [] }).size).toBe(0);
    expect(Object.fromEntries(fieldProblems(DEFS, ['days'], { days: '32' }))).toEqual({ days: { kind: 'max', max: 31 } });
    expect(Object.fromEntries(fieldProblems(DEFS, ['days'], { days: 'abc' }))).toEqual({ days: { kind: 'number' } });
  });
});
