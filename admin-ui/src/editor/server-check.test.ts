import { describe, expect, it } from 'vitest';
import { asProblem } from './server-check.ts';

describe("the server's problems", () => {
  it('keep warnings as warnings and make anything else an error', () => {
    const p = { code: 'UNKNOWN_FACT', message: 'm', file: 'rules/x.yaml', line: 1, col: 1 };
    expect(asProblem({ ...p, severity: 'warning' }).severity).toBe('warning');
    expect(asProblem({ ...p, severity: 'error' }).severity).toBe('error');
    expect(asProblem({ ...p, severity: 'fatal' })).toEqual({ ...p, severity: 'error' });
  });
});
