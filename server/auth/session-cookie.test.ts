import { describe, expect, it } from 'vitest';
import { clearSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './session-cookie.ts';
import { newSessionId } from './tokens.ts';

/** Attribute names of a Set-Cookie value, lower-cased, with their values. */
function attributes(setCookie: string): Map<string, string> {
  const [, ...attrs] = setCookie.split(';').map((s) => s.trim());
  return new Map(attrs.map((a) => [a.split('=')[0]?.toLowerCase() ?? '', a.split('=').slice(1).join('=')]));
}

describe('sessionCookie', () => {
  it('sets ri_session with HttpOnly, SameSite=Strict, Path=/ and Max-Age', () => {
    const id = newSessionId();
    const c = sessionCookie(id, { secure: false, maxAgeSeconds: 3600 });
    expect(SESSION_COOKIE).toBe('ri_session');
    expect(c.startsWith(`ri_session=${id};`)).toBe(true);
    const a = attributes(c);
    expect(a.has('httponly')).toBe(true);
    expect(a.get('samesite')).toBe('Strict');
    expect(a.get('path')).toBe('/');
    expect(a.get('max-age')).toBe('3600');
    expect(a.has('secure')).toBe(false);
  });

  it('adds Secure only when asked', () => {
    expect(attributes(sessionCookie('abc', { secure: true, maxAgeSeconds: 60 })).has('secure')).toBe(true);
    expect(attributes(sessionCookie('abc', { secure: false, maxAgeSeconds: 60 })).has('secure')).toBe(false);
  });

  it('refuses ids or ages that would corrupt the header', () => {
    expect(() => sessionCookie('a; Domain=evil.example', { secure: false, maxAgeSeconds: 60 })).toThrow();
    expect(() => sessionCookie('', { secure: false, maxAgeSeconds: 60 })).toThrow();
    expect(() => sessionCookie('abc', { secure: false, maxAgeSeconds: -1 })).toThrow();
    expect(() => sessionCookie('abc', { secure: false, maxAgeSeconds: 1.5 })).toThrow();
  });
});

describe('clearSessionCookie', () => {
  it('empties ri_session and expires it now, with the same attributes', () => {
    const c = clearSessionCookie();
    expect(c.startsWith('ri_session=;')).toBe(true);
    const a = attributes(c);
    expect(a.get('max-age')).toBe('0');
    expect(a.get('path')).toBe('/');
    expect(a.has('httponly')).toBe(true);
    expect(a.get('samesite')).toBe('Strict');
    expect(a.has('secure')).toBe(false);
    expect(attributes(clearSessionCookie({ secure: true })).has('secure')).toBe(true);
  });
});

describe('readCookie', () => {
  it('finds a cookie among others', () => {
    expect(readCookie('a=1; ri_session=xyz; b=2', 'ri_session')).toBe('xyz');
    expect(readCookie('ri_session=xyz', 'ri_session')).toBe('xyz');
    expect(readCookie('a=1;ri_session=xyz;b=2', 'ri_session')).toBe('xyz');
  });

  it('reads back what sessionCookie wrote', () => {
    const id = newSessionId();
    const pair = sessionCookie(id, { secure: true, maxAgeSeconds: 10 }).split(';')[0];
    expect(readCookie(pair, SESSION_COOKIE)).toBe(id);
  });

  it('matches the whole name only', () => {
    expect(readCookie('xri_session=bad; ri_session_old=bad', 'ri_session')).toBeUndefined();
    expect(readCookie('xri_session=bad; ri_session=good', 'ri_session')).toBe('good');
  });

  it('keeps "=" inside values and strips quotes', () => {
    expect(readCookie('t=a=b==', 't')).toBe('a=b==');
    expect(readCookie('t="quoted"', 't')).toBe('quoted');
  });

  it('returns undefined when absent, empty or the header is missing', () => {
    expect(readCookie(undefined, 'ri_session')).toBeUndefined();
    expect(readCookie('', 'ri_session')).toBeUndefined();
    expect(readCookie('a=1', 'ri_session')).toBeUndefined();
    expect(readCookie('ri_session=', 'ri_session')).toBeUndefined();
    expect(readCookie('garbage; ri_session', 'ri_session')).toBeUndefined();
  });

  it('takes the first of duplicates', () => {
    expect(readCookie('ri_session=one; ri_session=two', 'ri_session')).toBe('one');
  });
});
