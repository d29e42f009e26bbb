import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('gives the embedded defaults', () => {
    expect(parseEnv({})).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 8787,
      DATABASE_PATH: './data/reintegra.db',
      COOKIE_SECURE: false,
    });
  });

  it('names every bad variable, with the value it got', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', ADMIN_PASSWORD: 'short', COOKIE_SECURE: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('ADMIN_PASSWORD must have at least 12 characters');
    expect(message).toContain('COOKIE_SECURE');
  });

  it('takes PostgreSQL only with a postgres:// URL and a secret every node shares, saying which is missing', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://db/reintegra', REINTEGRA_SECRET: 'x'.repeat(32) })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(() => parseEnv({ DATABASE_URL: 'postgres://db/reintegra' })).toThrow(
      /nodes sharing PostgreSQL must share one secret: set REINTEGRA_SECRET/,
    );
    expect(parseEnv({ DATABASE_URL: 'postgres://db/reintegra', SECRET_PATH: '/etc/reintegra/secret' })).toMatchObject({
      DATABASE_URL: 'postgres://db/reintegra',
      DATABASE_POOL: 10,
      JOB_EXPIRE_SECONDS: 60,
    });
    expect(() => parseEnv({ JOB_EXPIRE_SECONDS: '2' })).toThrow(/JOB_EXPIRE_SECONDS/);
  });
});
