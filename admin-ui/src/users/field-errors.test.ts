import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/api-error.ts';
import { userFieldErrors } from './field-errors.ts';

describe('userFieldErrors', () => {
  it('puts a taken name, a weak password and the fields a 400 names beside their fields', () => {
    expect(userFieldErrors(new ApiError(409, 'USER_EXISTS', 'user "jan" already exists', { field: 'name' }))).toEqual({
      name: 'users.error.nameTaken',
    });
    expect(userFieldErrors(new ApiError(400, 'WEAK_PASSWORD', 'too short', { field: 'password' }))).toEqual({
      password: 'users.error.password',
    });
    const invalid = new ApiError(400, 'INVALID_REQUEST', 'name: too short', [
      { field: 'name', message: 'at least 2 characters', code: 'too_small' },
      { field: 'role', message: 'Invalid option', code: 'invalid_value' },
      { field: 'facts', message: 'unknown', code: 'x' },
    ]);
    expect(userFieldErrors(invalid)).toEqual({ name: 'users.error.name', role: 'users.error.role' });
  });

  it('leaves any other failure to the general alert', () => {
    expect(userFieldErrors(new ApiError(403, 'FORBIDDEN', 'no'))).toEqual({});
    expect(userFieldErrors(new ApiError(400, 'INVALID_REQUEST', 'body', null))).toEqual({});
    expect(userFieldErrors(new Error('boom'))).toEqual({});
  });
});
