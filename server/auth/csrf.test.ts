import { describe, expect, it } from 'vitest';
import { type CsrfRequest, checkCsrf, isStateChanging } from './csrf.ts';
import { newCsrfToken } from './tokens.ts';

const TOKEN = newCsrfToken();
/** A good cookie-authenticated POST from the app's own page. */
const OK: CsrfRequest = {
  method: 'POST',
  cookieAuth: true,
  headerToken: TOKEN,
  sessionToken: TOKEN,
  origin: 'https://reintegra.example',
  host: 'reintegra.example',
};

describe('isStateChanging', () => {
  it('is true for POST, PUT, PATCH, DELETE in any case', () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'Delete']) expect(isStateChanging(m), m).toBe(true);
  });

  it('is false for safe methods', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'get']) expect(isStateChanging(m), m).toBe(false);
  });
});

describe('checkCsrf', () => {
  describe('accepts', () => {
    it('a cookie-authenticated POST with the right token and same origin', () => {
      expect(checkCsrf(OK)).toBeUndefined();
    });

    it('every state-changing method when the token matches', () => {
      for (const method of ['PUT', 'PATCH', 'DELETE', 'post']) expect(checkCsrf({ ...OK, method }), method).toBeUndefined();
    });

    it('no Origin header at all, when the token matches', () => {
      expect(checkCsrf({ ...OK, origin: undefined })).toBeUndefined();
    });

    it('an Origin with a port equal to the Host with port, regardless of case', () => {
      expect(checkCsrf({ ...OK, origin: 'http://localhost:8787', host: 'localhost:8787' })).toBeUndefined();
      expect(checkCsrf({ ...OK, origin: 'https://Reintegra.Example', host: 'reintegra.example' })).toBeUndefined();
      expect(checkCsrf({ ...OK, origin: 'https://reintegra.example', host: 'reintegra.example:443' })).toBeUndefined();
    });

    it('safe methods without any token', () => {
      expect(
        checkCsrf({ method: 'GET', cookieAuth: true, origin: 'https://evil.example', host: 'reintegra.example' }),
      ).toBeUndefined();
      expect(checkCsrf({ method: 'HEAD', cookieAuth: true })).toBeUndefined();
    });

    it('bearer-token requests, which are not cookie-authenticated', () => {
      expect(checkCsrf({ method: 'POST', cookieAuth: false })).toBeUndefined();
      expect(
        checkCsrf({ method: 'DELETE', cookieAuth: false, origin: 'https://evil.example', host: 'reintegra.example' }),
      ).toBeUndefined();
    });
  });

  describe('refuses, with a reason', () => {
    it('a missing X-CSRF-Token header', () => {
      expect(checkCsrf({ ...OK, headerToken: undefined })).toMatch(/X-CSRF-Token/);
      expect(checkCsrf({ ...OK, headerToken: '' })).toMatch(/X-CSRF-Token/);
    });

    it('a wrong token', () => {
      expect(checkCsrf({ ...OK, headerToken: newCsrfToken() })).toMatch(/does not match/);
      expect(checkCsrf({ ...OK, headerToken: `${TOKEN}x` })).toMatch(/does not match/);
      expect(checkCsrf({ ...OK, headerToken: TOKEN.slice(0, -1) })).toMatch(/does not match/);
    });

    it('a session without a CSRF token, even if the header is empty too', () => {
      expect(checkCsrf({ ...OK, sessionToken: undefined })).toBeDefined();
      expect(checkCsrf({ ...OK, sessionToken: '', headerToken: '' })).toBeDefined();
    });

    it('a cross-origin request even with the right token', () => {
      expect(checkCsrf({ ...OK, origin: 'https://evil.example' })).toMatch(/Cross-origin/);
      expect(checkCsrf({ ...OK, origin: 'https://reintegra.example.evil.example' })).toMatch(/Cross-origin/);
      expect(checkCsrf({ ...OK, origin: 'https://reintegra.example:8443' })).toMatch(/Cross-origin/);
    });

    it('an Origin that is not an http(s) origin', () => {
      for (const origin of [
        'null',
        '',
        'file://',
        'not a url',
        'https://x@reintegra.example',
        'https://reintegra.example/path',
      ]) {
        expect(checkCsrf({ ...OK, origin }), origin).toBeDefined();
      }
    });

    it('an Origin header with no Host header', () => {
      expect(checkCsrf({ ...OK, host: undefined })).toMatch(/Host/);
    });
  });
});
