import { describe, expect, it } from 'vitest';
import { formatMoney } from './explain-answer.ts';

describe('formatMoney', () => {
  it('writes złoty the Polish way, grouping four-digit amounts too', () => {
    expect(formatMoney(1859.65, 'pl')).toBe('1\u00a0859,65\u00a0zł');
    expect(formatMoney(436, 'pl')).toBe('436,00\u00a0zł');
    expect(formatMoney(1234567.5, 'pl')).toBe('1\u00a0234\u00a0567,50\u00a0zł');
    expect(formatMoney(1859.65, 'en')).toBe('PLN 1,859.65');
  });
});
