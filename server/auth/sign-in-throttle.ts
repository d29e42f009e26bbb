import type pg from 'pg';
import { type RateLimiterAbstract, RateLimiterPostgres, RateLimiterSQLite } from 'rate-limiter-flexible';
import { type Db, dialectOf, driverOf, sqliteOf } from '../db/handle.ts';

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

type Guard = <T>(fn: () => Promise<T>) => Promise<T>;

/** The three limiters and how their statements must run. */
interface Limiters {
  byName: RateLimiterAbstract;
  byAddress: RateLimiterAbstract;
  strikes: RateLimiterAbstract;
  guard: Guard;
}

/**
 * Limits password guessing by user name and by client address with rate-limiter-flexible's store in the server's
 * database (table `sign_in_limits`, made by a migration): the counts live in the database, so they hold across
 * restarts and for every server sharing it. After `maxFailures` failures within the window a key is blocked for the
 * window's length; each further block of the same key within a day lasts twice as long (up to a day).
 */
export class SignInThrottle {
  private limiters: Promise<Limiters> | undefined;

  constructor(
    private readonly db: Db,
    private readonly limits: ThrottleLimits,
  ) {}

  /**
   * On PostgreSQL, its pool; on SQLite, the writing connection, whose statements then run inside one of the store's
   * transactions (one at a time), never in the middle of another's. Made on first use.
   */
  private open(): Promise<Limiters> {
    this.limiters ??= (async () => {
      const { db, limits } = this;
      const table = { tableName: 'sign_in_limits', tableCreated: true };
      let make: (o: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
      let guard: Guard;
      if (dialectOf(db) === 'pg') {
        const pool = driverOf(db) as pg.Pool;
        make = (o) => new RateLimiterPostgres({ ...table, ...o, storeClient: pool, storeType: 'pool' });
        guard = (fn) => fn();
      } else {
        const writer = await db.transaction(async (tx) => sqliteOf(tx));
        make = (o) => new RateLimiterSQLite({ ...table, ...o, storeClient: writer, storeType: 'better-sqlite3' });
        guard = (fn) => db.transaction(() => fn());
      }
      const duration = limits.windowMinutes * 60;
      return {
        byName: make({ keyPrefix: 'name', points: limits.maxFailures, duration }),
        byAddress: make({ keyPrefix: 'addr', points: limits.maxFailures, duration }),
        // How many times a key was blocked in the last day: each block doubles the next.
        strikes: make({ keyPrefix: 'strike', points: 1_000_000, duration: MAX_BLOCK_SECONDS }),
        guard,
      };
    })();
    return this.limiters;
  }

  /** Runs `fn` with the limiters, as their database requires. */
  private async run<T>(fn: (l: Limiters) => Promise<T>): Promise<T> {
    const l = await this.open();
    return l.guard(() => fn(l));
  }

  /**
   * Counts an attempt before the password is checked, so that many guesses sent at once cannot all pass the check:
   * milliseconds to wait when the name or the address is blocked (nothing counted then), else 0.
   */
  begin(name: string, address: string): Promise<number> {
    return this.run((l) => this.count(l, name, address));
  }

  private async count(l: Limiters, name: string, address: string): Promise<number> {
    const keys = this.keys(l, name, address);
    const before = await Promise.all(keys.map(([, limiter, key]) => limiter.get(key)));
    const waitBefore = Math.max(...before.map((r) => this.wait(r)));
    if (waitBefore > 0) return waitBefore;
    const after = await Promise.all(keys.map(([, limiter, key]) => limiter.penalty(key, 1)));
    return Math.max(...after.map((r) => this.wait(r)));
  }

  /** The attempt failed: a name or address that reached the limit is blocked, each block within a day twice the last. */
  failed(name: string, address: string): Promise<FailureOutcome> {
    return this.run((l) => this.block(l, name, address));
  }

  private async block(l: Limiters, name: string, address: string): Promise<FailureOutcome> {
    const blocked: FailureOutcome['blocked'] = [];
    for (const [by, limiter, key] of this.keys(l, name, address)) {
      const res = await limiter.get(key);
      if (!res || res.consumedPoints < this.limits.maxFailures) continue;
      const strike = await l.strikes.penalty(`${by}:${key}`, 1);
      const seconds = Math.min(this.limits.windowMinutes * 60 * 2 ** (strike.consumedPoints - 1), MAX_BLOCK_SECONDS);
      await limiter.block(key, seconds);
      blocked.push({ by, seconds });
    }
    return { blocked };
  }

  /** The right password clears the name's failures and gives the address its attempt back. */
  succeeded(name: string, address: string): Promise<void> {
    return this.run((l) => this.clear(l, name, address));
  }

  private async clear(l: Limiters, name: string, address: string): Promise<void> {
    await l.byName.delete(nameKey(name));
    // Only the attempt just counted is given back: successes never earn an address spare failures.
    const current = await l.byAddress.get(address);
    if (current && current.consumedPoints > 0 && current.consumedPoints <= this.limits.maxFailures)
      await l.byAddress.reward(address, 1);
  }

  private keys(l: Limiters, name: string, address: string) {
    return [
      ['name', l.byName, nameKey(name)],
      ['address', l.byAddress, address],
    ] as const;
  }

  /** Milliseconds a key must wait: only once it holds more failures than allowed (a block sets one more). */
  private wait(r: { consumedPoints: number; msBeforeNext: number } | null): number {
    return r && r.consumedPoints > this.limits.maxFailures ? Math.max(r.msBeforeNext, 1) : 0;
  }
}

/** Names are compared as people type them: case and surrounding spaces do not make a new key. */
const nameKey = (name: string) => name.trim().toLowerCase();
