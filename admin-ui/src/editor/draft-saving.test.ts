import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/api-error.ts';
import { newerDraftIn } from './draft-saving.ts';

const theirs = { id: 'd1', yaml: 'rules: []\n', revision: 4, path: 'rules/x.yaml', status: 'open' };

describe('a refused save', () => {
  it('gives the newer draft a 409 STALE_DRAFT carries', () => {
    expect(newerDraftIn(new ApiError(409, 'STALE_DRAFT', 'stale', theirs))).toBe(theirs);
  });

  it('gives nothing for another error, or a 409 without a draft in its details', () => {
    expect(newerDraftIn(new ApiError(409, 'CONFLICT', 'other', theirs))).toBeUndefined();
    expect(newerDraftIn(new ApiError(409, 'STALE_DRAFT', 'stale', { id: 'd1', yaml: 'x' }))).toBeUndefined();
    expect(newerDraftIn(new ApiError(409, 'STALE_DRAFT', 'stale', null))).toBeUndefined();
    expect(newerDraftIn(new Error('STALE_DRAFT'))).toBeUndefined();
  });
});
