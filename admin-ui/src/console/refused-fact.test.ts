import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/api-error.ts';
import { refusedFact } from './refused-fact.ts';

describe('the fact a refusal names', () => {
  it('reads details.field, alone or first of a list', () => {
    expect(refusedFact(new ApiError(422, 'INVALID_FACT', 'm', { field: 'facts.sick_days' }))).toBe('sick_days');
    expect(refusedFact(new ApiError(400, 'VALIDATION', 'm', [{ field: 'facts.cis_period.x' }, { field: 'date' }]))).toBe(
      'cis_period',
    );
  });

  it('names none for another field, no details, or an error that is not the API’s', () => {
    expect(refusedFact(new ApiError(400, 'VALIDATION', 'm', { field: 'date' }))).toBeUndefined();
    expect(refusedFact(new ApiError(0, 'NETWORK', 'm'))).toBeUndefined();
    expect(refusedFact(new Error('facts.sick_days'))).toBeUndefined();
  });
});
