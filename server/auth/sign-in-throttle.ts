import type Database from 'better-sqlite3';
import { RateLimiterSQLite } from 'rate-limiter-flexible';

/** How many failures a name or an address may have, and in what window, before sign-in is refused for a while. */
export interface ThrottleLimits {
  maxFailures: number;
  windowMinutes: number;
}

/** What a failure led to: nothing yet, or a block of one of the keys for `seconds`. */
export interface FailureOutcome {
  blocked: { by: 'name' | 'address'; seconds: number }[];
}

/** The longest a block grows to: a day. */
const MAX_BLOCK_SECONDS = 24 * 60 * 60;

/**
 * Limits password guessing by user name and by client address with rate-limiter-flexible's SQLite store on our
 * own connection (table `sign_in_limits`, made by a migration): the counts live in the database, so they hold
 * across restarts and for every server sharing it. After `maxFailures` failures within the window a key is blocked
 * for the window's length; each further block of the same key within a day lasts twice as long (up to a day).
 */
export class SignInThrottle {
  private readonly byName: RateLimiterSQLite;
  private readonly byAddress: RateLimiterSQLite;
  private readonly strikes: RateLimiterSQLite;

  constructor(
    client: Database.Database,
    private readonly limits: ThrottleLimits,
  ) {
    const store = { storeClient: client, storeType: 'better-sqlite3', tableName: 'sign_in_limits', tableCreated: true };
    const duration = limits.windowMinutes * 60;
    this.byName = new RateLimiterSQLite({ ...store, keyPrefix: 'name', points: limits.maxFailures, duration });
    this.byAddress = new RateLimiterSQLite({ ...store, keyPrefix: 'addr', points: limits.maxFailures, duration });
    // How many times a key was blocked in the last day: each block doubles the next.
    this.strikes = new RateLimiterSQLite({ ...store, keyPrefix: 'strike', points: 1_000_000, duration: MAX_BLOCK_SECONDS });
  }

  /**
   * Counts an attempt before the password is checked, so that many guesses sent at once cannot all pass the check:
   * milliseconds to wait when the name or the address is blocked (nothing counted then), else 0.
   */
  async begin(name: string, address: string): Promise<number> {
    const keys = this.keys(name, address);
    const before = await Promise.all(keys.map(([, limiter, key]) => limiter.get(key)));
    const waitBefore = Math.max(...before.map((r) => this.wait(r)));
    if (waitBefore > 0) return waitBefore;
    const after = await Promise.all(keys.map(([, limiter, key]) => limiter.penalty(key, 1)));
    return Math.max(...after.map((r) => this.wait(r)));
  }

  /** The attempt failed: a name or address that reached the limit is blocked, each block within a day twice the last. */
  async failed(name: string, address: string): Promise<FailureOutcome> {
    const blocked: FailureOutcome['blocked'] = [];
    for (const [by, limiter, key] of this.keys(name, address)) {
      const res = await limiter.get(key);
      if (!res || res.consumedPoints < this.limits.maxFailures) continue;
      const strike = await this.strikes.penalty(`${by}:${key}`, 1);
      const seconds = Math.min(this.limits.windowMinutes * 60 * 2 ** (strike.consumedPoints - 1), MAX_BLOCK_SECONDS);
      await limiter.block(key, seconds);
      blocked.push({ by, seconds });
    }
    return { blocked };
  }

  /** The right password clears the name's failures and gives the address its attempt back. */
  async succeeded(name: string, address: string): Promise<void> {
    await this.byName.delete(nameKey(name));
    // Only the attempt just counted is given back: successes never earn an address spare failures.
    const current = await this.byAddress.get(address);
    if (current && current.consumedPoints > 0 && current.consumedPoints <= this.limits.maxFailures)
      await this.byAddress.reward(address, 1);
  }

  private keys(name: string, address: string) {
    return [
      ['name', this.byName, nameKey(name)],
      ['address', this.byAddress, address],
    ] as const;
  }

  /** Milliseconds a key must wait: only once it holds more failures than allowed (a block sets one more). */
  private wait(r: { consumedPoints: number; msBeforeNext: number } | null): number {
    return r && r.consumedPoints > this.limits.maxFailures ? Math.max(r.msBeforeNext, 1) : 0;
  }
}

/** Names are compared as people type them: case and surrounding spaces do not make a new key. */
const nameKey = (name: string) => name.trim().toLowerCase();
