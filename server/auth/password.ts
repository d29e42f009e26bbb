import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters used for new hashes; old hashes keep theirs, since the stored string names them. */
const N = 2 ** 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;

/** Bounds on parameters read back from storage, so a tampered row cannot make a login burn CPU. */
const MAX_N = 2 ** 17;
const MAX_R = 16;
const MAX_P = 4;
/**
 * scrypt needs about 128·N·r bytes; Node's default 32 MiB cap is exactly what N=2^15, r=8 takes and fails,
 * so allow more. Stored parameters that need more than this fail to verify.
 */
const MAX_MEM = 256 * 1024 * 1024;

function derive(plain: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * Hashes a password with scrypt and a fresh 16-byte salt.
 * @returns a self-describing string `scrypt$N$r$p$salt_b64$hash_b64`.
 */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt, KEY_BYTES, { N, r: R, p: P, maxmem: MAX_MEM });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

function positiveInt(s: string | undefined, max: number): number | undefined {
  if (s === undefined || !/^[1-9][0-9]{0,9}$/.test(s)) return undefined;
  const v = Number(s);
  return v <= max ? v : undefined;
}

/** Reads a stored hash string; undefined when it is not one we could have written. */
function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const n = positiveInt(parts[1], MAX_N);
  const r = positiveInt(parts[2], MAX_R);
  const p = positiveInt(parts[3], MAX_P);
  const saltText = parts[4] ?? '';
  const keyText = parts[5] ?? '';
  if (n === undefined || r === undefined || p === undefined) return undefined;
  // scrypt requires N to be a power of two greater than one.
  if (n < 2 || (n & (n - 1)) !== 0) return undefined;
  if (!B64.test(saltText) || !B64.test(keyText)) return undefined;
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length < 8 || key.length < 16) return undefined;
  return { n, r, p, salt, key };
}

/**
 * Checks a password against a string made by {@link hashPassword}, in constant time.
 * Never throws: a malformed or unreadable stored value simply does not match.
 */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = typeof stored === 'string' ? parseHash(stored) : undefined;
  if (!parsed) return false;
  try {
    const { n, r, p, salt, key } = parsed;
    const candidate = await derive(plain, salt, key.length, { N: n, r, p, maxmem: MAX_MEM });
    return timingSafeEqual(candidate, key);
  } catch {
    return false;
  }
}

/**
 * Says why a new password is too weak, or undefined when it is acceptable.
 * Length is the rule (NIST SP 800-63B): at least 12 characters, not all the same one.
 */
export function checkPasswordStrength(plain: string): string | undefined {
  const chars = [...plain];
  if (chars.length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (plain.trim() === '') return 'The password must not be only spaces.';
  if (new Set(chars).size === 1) return 'The password must not repeat a single character.';
  return undefined;
}
