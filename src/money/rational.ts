/**
 * An exact rational number over BigInt. Every amount is computed with it so that
 * "÷ 30 × days" never loses a grosz; rounding happens once, at the end, half-up.
 */
export class Rational {
  /** Numerator; carries the sign. */
  readonly n: bigint;
  /** Denominator; always positive, and coprime with the numerator. */
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  /** Builds n/d in lowest terms. Throws on a zero denominator. */
  static of(n: bigint, d = 1n): Rational {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** Reads a finite JS number exactly as its shortest decimal form (1721.9 → 17219/10). */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return new Rational(BigInt(value), 1n);
    return Rational.parse(String(value));
  }

  /** Parses a decimal string such as "-12.345" or "1e-3". */
  static parse(text: string): Rational {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m) throw new SyntaxError(`not a decimal number: ${text}`);
    const [, sign, whole, frac = '', exp = '0'] = m;
    let n = BigInt(whole + frac) * (sign === '-' ? -1n : 1n);
    let d = 10n ** BigInt(frac.length);
    const e = Number(exp);
    if (e > 0) n *= 10n ** BigInt(e);
    else if (e < 0) d *= 10n ** BigInt(-e);
    return Rational.of(n, d);
  }

  add(o: Rational): Rational {
    return this.d === o.d ? Rational.of(this.n + o.n, this.d) : Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }

  div(o: Rational): Rational {
    if (o.n === 0n) throw new RangeError('division by zero');
    return Rational.of(this.n * o.d, this.d * o.n);
  }

  neg(): Rational {
    return new Rational(-this.n, this.d);
  }

  /** -1, 0 or 1. */
  cmp(o: Rational): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  isInteger(): boolean {
    return this.d === 1n;
  }

  /** Largest integer not above this number. */
  floor(): Rational {
    const q = this.n / this.d;
    return Rational.of(this.n < 0n && q * this.d !== this.n ? q - 1n : q);
  }

  /** Rounds half away from zero to `places` decimals (the Polish accounting rule for grosze). */
  roundHalfUp(places = 2): Rational {
    const scale = 10n ** BigInt(places);
    const abs = this.n < 0n ? -this.n : this.n;
    const q = (abs * scale * 2n + this.d) / (this.d * 2n);
    return Rational.of(this.n < 0n ? -q : q, scale);
  }

  /** Nearest JS number; exact for every value that has one. */
  toNumber(): number {
    if (this.d === 1n) return Number(this.n);
    // Both exact as doubles: IEEE division is correctly rounded, so this is the nearest number.
    if (this.d <= MAX_SAFE && this.n <= MAX_SAFE && this.n >= -MAX_SAFE) return Number(this.n) / Number(this.d);
    return Number(this.toFixed(20));
  }

  /** Decimal text with exactly `places` digits, truncated (use roundHalfUp first to round). */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const abs = this.n < 0n ? -this.n : this.n;
    const scaled = (abs * scale) / this.d;
    const whole = scaled / scale;
    const frac = (scaled % scale).toString().padStart(places, '0');
    const sign = this.n < 0n && scaled !== 0n ? '-' : '';
    return places > 0 ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** Shorthand for building a rational from a number or decimal string. */
export function rat(value: number | string): Rational {
  return typeof value === 'number' ? Rational.fromNumber(value) : Rational.parse(value);
}
