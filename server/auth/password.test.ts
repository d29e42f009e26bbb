import { beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';

const PASSWORD = 'correct horse battery staple';

describe('hashPassword / verifyPassword', () => {
  let stored = '';
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it('writes a self-describing scrypt string with 16-byte salt and 64-byte key', () => {
    const parts = stored.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(64);
  });

  it('accepts the right password', async () => {
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: two hashes of the same password differ, and both verify', async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(stored);
    expect(again.split('$')[4]).not.toBe(stored.split('$')[4]);
    expect(await verifyPassword(PASSWORD, again)).toBe(true);
  });

  it('rejects a tampered hash or salt', async () => {
    const parts = stored.split('$');
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString('base64');
    };
    const badKey = [...parts.slice(0, 5), flip(parts[5] ?? '')].join('$');
    const badSalt = [...parts.slice(0, 4), flip(parts[4] ?? ''), parts[5]].join('$');
    expect(await verifyPassword(PASSWORD, badKey)).toBe(false);
    expect(await verifyPassword(PASSWORD, badSalt)).toBe(false);
  });

  it('honours the parameters in the stored string', async () => {
    // Same salt and key, but claimed r=4: a different derivation, so no match.
    const parts = stored.split('$');
    expect(await verifyPassword(PASSWORD, ['scrypt', parts[1], '4', ...parts.slice(3)].join('$'))).toBe(false);
  });

  it.each([
    ['empty', () => ''],
    ['plain text', () => PASSWORD],
    ['wrong scheme', (stored: string) => stored.replace(/^scrypt/, 'bcrypt')],
    ['too few fields', (stored: string) => stored.split('$').slice(0, 5).join('$')],
    ['too many fields', (stored: string) => `${stored}$x`],
    ['N not a power of two', (stored: string) => stored.replace(/^scrypt\$32768/, 'scrypt$30000')],
    ['N zero', (stored: string) => stored.replace(/^scrypt\$32768/, 'scrypt$0')],
    ['N huge', (stored: string) => stored.replace(/^scrypt\$32768/, `scrypt$${2 ** 30}`)],
    ['r not a number', (stored: string) => stored.replace(/^scrypt\$32768\$8/, 'scrypt$32768$x')],
    ['salt not base64', (stored: string) => stored.replace(/\$[^$]+\$([^$]+)$/, '$!!!$$$1')],
    ['empty hash', (stored: string) => stored.replace(/\$[^$]+$/, '$')],
  ])('returns false, never throws, for a malformed stored value: %s', async (_, bad) => {
    const value = bad(stored);
    expect(value).not.toBe(stored);
    await expect(verifyPassword(PASSWORD, value)).resolves.toBe(false);
  });

  it('returns false for a stored value that is not a string at all', async () => {
    await expect(verifyPassword(PASSWORD, undefined as unknown as string)).resolves.toBe(false);
  });

  it('treats NFC and NFD spellings of a password as the same', async () => {
    const nfc = 'zażółć gęślą jaźń';
    const h = await hashPassword(nfc);
    expect(await verifyPassword(nfc.normalize('NFD'), h)).toBe(true);
  });
});

describe('checkPasswordStrength', () => {
  it('refuses passwords shorter than 12 characters, with a message', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(checkPasswordStrength('')).toMatch(/at least 12 characters/);
    expect(checkPasswordStrength('abcdefghijk')).toMatch(/at least 12 characters/);
  });

  it('accepts 12 characters and more', () => {
    expect(checkPasswordStrength('abcdefghijkl')).toBeUndefined();
    expect(checkPasswordStrength(PASSWORD)).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPasswordStrength(`${'🔑'.repeat(6)}abcde`)).toMatch(/at least 12/);
  });

  it('refuses only spaces or one repeated character', () => {
    expect(checkPasswordStrength(' '.repeat(12))).toBeDefined();
    expect(checkPasswordStrength('a'.repeat(20))).toMatch(/single character/);
  });
});
