import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, newApiToken, newCsrfToken, newSessionId, safeEqual } from './tokens.ts';

const B64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;

describe('newApiToken', () => {
  it('is ri_ plus 32 random bytes in base64url', () => {
    const { token } = newApiToken();
    expect(token.startsWith('ri_')).toBe(true);
    const body = token.slice(3);
    expect(body).toMatch(B64URL_32_BYTES);
    expect(Buffer.from(body, 'base64url')).toHaveLength(32);
  });

  it('returns the sha256 hex of the token as its hash', () => {
    const { token, hash } = newApiToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toBe(hashToken(token));
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newApiToken().token));
    expect(tokens.size).toBe(100);
  });
});

describe('hashToken', () => {
  it('matches the FIPS 180-2 SHA-256 vector for "abc"', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('changes when the token changes', () => {
    expect(hashToken('ri_a')).not.toBe(hashToken('ri_b'));
  });
});

describe('newSessionId / newCsrfToken', () => {
  it.each([
    ['newSessionId', newSessionId],
    ['newCsrfToken', newCsrfToken],
  ])('%s is 32 random bytes in base64url, different each time', (_, make) => {
    const a = make();
    expect(a).toMatch(B64URL_32_BYTES);
    expect(make()).not.toBe(a);
  });
});

describe('safeEqual', () => {
  it('is true only for identical strings', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'ABC')).toBe(false);
  });

  it('handles different lengths without throwing', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
  });

  it('compares non-ASCII text', () => {
    expect(safeEqual('łódź', 'łódź')).toBe(true);
    expect(safeEqual('łódź', 'lodz')).toBe(false);
  });
});
