import { describe, expect, it } from 'vitest';
import type { Condition } from '../schema/ruleset.ts';
import { conditionText } from './condition-text.ts';
import { expressionText } from './expression-text.ts';

describe('expressionText', () => {
  it('ignores spacing, quotes, redundant parentheses and the spelling of numbers', () => {
    expect(expressionText('help_profile=="III"')).toBe('help_profile == "III"');
    expect(expressionText("  help_profile  ==  'III' ")).toBe('help_profile == "III"');
    expect(expressionText('((a > 12.50)) and (b)')).toBe('a > 12.5 and b');
    expect(expressionText('percent(120,zasilek.first_90_days)')).toBe('percent(120, zasilek.first_90_days)');
    expect(expressionText(12)).toBe(expressionText('12.0'));
  });

  it('keeps the parentheses that carry meaning', () => {
    expect(expressionText('a - (b - c)')).toBe('a - (b - c)');
    expect(expressionText('(a - b) - c')).toBe('a - b - c');
    expect(expressionText('(a + b) * c')).toBe('(a + b) * c');
    expect(expressionText('not (a and b)')).toBe('not (a and b)');
    expect(expressionText('not a and b')).toBe('not a and b');
    expect(expressionText('-(a + b)')).toBe('-(a + b)');
    expect(expressionText('x not in ["a", "b"]')).toBe('x not in ["a", "b"]');
  });

  it('prints a chain of and / or one way, and an and inside an or in parentheses', () => {
    expect(expressionText('a and (b and c)')).toBe(expressionText('(a and b) and c'));
    expect(expressionText('a or b and c')).toBe('a or (b and c)');
    expect(expressionText('(a or b) and c')).toBe('(a or b) and c');
  });

  it('returns unparsable text with its whitespace collapsed', () => {
    expect(expressionText('a  ==\n (b')).toBe('a == (b');
  });
});

describe('conditionText', () => {
  it('reads the all / any / not form as the compact form', () => {
    const structured: Condition = {
      all: [
        'registered_unemployed',
        { any: ['receives_social_assistance', { fact: 'zasilek_entitled', operator: 'equal', value: false }] },
        { not: 'pai_months_completed >= 6' },
      ],
    };
    expect(conditionText(structured)).toBe(
      'registered_unemployed and (receives_social_assistance or zasilek_entitled == false) and not pai_months_completed >= 6',
    );
    expect(conditionText(structured)).toBe(
      conditionText(
        'registered_unemployed and (receives_social_assistance or zasilek_entitled == false) and not (pai_months_completed >= 6)',
      ),
    );
  });

  it('turns json-rules-engine leaves into comparisons, contains with the operands swapped', () => {
    expect(conditionText({ fact: 'other_benefits', operator: 'contains', value: 'incapacity_pension' })).toBe(
      '"incapacity_pension" in other_benefits',
    );
    expect(conditionText({ fact: 'social_contract', operator: 'notIn', value: ['active', 'completed'] })).toBe(
      'social_contract not in ["active", "completed"]',
    );
    expect(conditionText({ fact: 'a', operator: 'lessThanInclusive', value: { fact: 'b' } })).toBe('a <= b');
  });

  it('is undefined for an absent condition', () => {
    expect(conditionText(undefined)).toBeUndefined();
  });
});
