import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseRefDigest } from './hmac.ts';

describe('caseRefDigest', () => {
  it('matches RFC 4231 test case 2 (HMAC-SHA256, key "Jefe")', () => {
    expect(caseRefDigest('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('agrees with node:crypto on a UTF-8 case reference', () => {
    const ref = 'MOPS/Łódź/2025/0042';
    expect(caseRefDigest('s3cret', ref)).toBe(
      createHmac('sha256', Buffer.from('s3cret', 'utf8')).update(Buffer.from(ref, 'utf8')).digest('hex'),
    );
  });

  it('depends on both the secret and the reference', () => {
    const d = caseRefDigest('one', 'ABC-1');
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(caseRefDigest('one', 'ABC-1')).toBe(d);
    expect(caseRefDigest('two', 'ABC-1')).not.toBe(d);
    expect(caseRefDigest('one', 'ABC-2')).not.toBe(d);
    expect(d).not.toContain('ABC');
  });

  it('refuses an empty secret, which would make it a plain hash', () => {
    expect(() => caseRefDigest('', 'ABC-1')).toThrow(/secret/);
  });
});
