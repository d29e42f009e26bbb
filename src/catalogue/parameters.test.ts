import { describe, expect, it } from 'vitest';
import { ParameterRegistry } from './parameters.ts';

const registry = new ParameterRegistry();
registry.add('zasilek.first_90_days', {
  label: { pl: 'Zasiłek', en: 'Benefit' },
  unit: 'PLN',
  values: [
    { from: '2024-06-01', value: 1662, basis: 'URP art. 224', confidence: 'read' },
    { from: '2023-06-01', value: 1491.9, basis: 'UPZ art. 72 ust. 6', confidence: 'secondary', note: 'press disagrees' },
  ],
});

describe('ParameterRegistry.lookup', () => {
  it('returns the value in force on the day, with where it came from', () => {
    const v = registry.lookup('zasilek.first_90_days', '2024-05-31');
    expect(v).toMatchObject({
      from: '2023-06-01',
      basis: 'UPZ art. 72 ust. 6',
      confidence: 'secondary',
      note: 'press disagrees',
      unit: 'PLN',
    });
    expect(v?.value.toFixed(2)).toBe('1491.90');
  });

  it('switches on the first day of a new value, whatever the order of the rows', () => {
    expect(registry.lookup('zasilek.first_90_days', '2024-06-01')?.value.toFixed(2)).toBe('1662.00');
    expect(registry.lookup('zasilek.first_90_days', '2030-01-01')?.from).toBe('2024-06-01');
  });

  it('has nothing before the first value, and nothing for an unknown parameter', () => {
    expect(registry.lookup('zasilek.first_90_days', '2023-05-31')).toBeUndefined();
    expect(registry.lookup('zasilek.nope', '2024-01-01')).toBeUndefined();
  });
});
