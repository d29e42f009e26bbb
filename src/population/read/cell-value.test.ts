import { describe, expect, it } from 'vitest';
import type { FactDefinition } from '../../schema/facts.ts';
import { cellValue } from './cell-value.ts';

const label = { pl: 'x', en: 'x' };
const def = (d: Omit<FactDefinition, 'label'>): FactDefinition => ({ ...d, label });
const founders = def({
  type: 'records',
  fields: { kind: { type: 'enum', values: ['natural', 'legal'] }, at_risk: { type: 'boolean' } },
});

describe('cellValue', () => {
  it('takes only true and false for a boolean', () => {
    expect(cellValue(def({ type: 'boolean' }), 'true')).toEqual({ value: true });
    expect(cellValue(def({ type: 'boolean' }), 'false')).toEqual({ value: false });
    for (const cell of ['1', '0', 'yes', 'TRUE', 'True', ' true']) {
      expect(cellValue(def({ type: 'boolean' }), cell), cell).toEqual({ problem: 'write true or false' });
    }
  });

  it('takes numbers in plain decimal notation only', () => {
    expect(cellValue(def({ type: 'number' }), '12')).toEqual({ value: 12 });
    expect(cellValue(def({ type: 'number' }), '12.5')).toEqual({ value: 12.5 });
    expect(cellValue(def({ type: 'number' }), '-3')).toEqual({ value: -3 });
    for (const cell of ['12,5', '1e3', '+4', '.5', '12.', '0x10', ' 12', 'NaN', 'Infinity']) {
      expect(cellValue(def({ type: 'number' }), cell), cell).toHaveProperty('problem');
    }
  });

  it('splits a list on |, refusing an empty item', () => {
    expect(cellValue(def({ type: 'list' }), 'a|b|c')).toEqual({ value: ['a', 'b', 'c'] });
    expect(cellValue(def({ type: 'list' }), 'a')).toEqual({ value: ['a'] });
    expect(cellValue(def({ type: 'list' }), 'a||b')).toEqual({ problem: 'item 2 is empty; write the codes as a|b|c' });
  });

  it('reads records as kind:at_risk pairs in the field order of the catalogue', () => {
    expect(cellValue(founders, 'natural:true|legal:false')).toEqual({
      value: [
        { kind: 'natural', at_risk: true },
        { kind: 'legal', at_risk: false },
      ],
    });
    expect(cellValue(founders, 'natural')).toEqual({
      problem: 'item 1 "natural" is not kind:at_risk; write items as kind:at_risk|kind:at_risk',
    });
    expect(cellValue(founders, 'natural:true|legal:yes')).toEqual({
      problem: 'item 2 "legal:yes": at_risk "yes": write true or false',
    });
  });

  it('leaves enum codes and days as text for the schema to check', () => {
    expect(cellValue(def({ type: 'enum', values: ['a'] }), 'zzz')).toEqual({ value: 'zzz' });
    expect(cellValue(def({ type: 'date' }), '2023-02-30')).toEqual({ value: '2023-02-30' });
  });
});
