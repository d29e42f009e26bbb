import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesText, openApiDocument } from '../scripts/api-types.ts';

describe("the admin UI's API types", () => {
  it('admin-ui/src/shared/api/schema.d.ts is what the server’s routes generate (run npm run api:types)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await apiTypesText());
  });

  it('are generated from the routes the server serves, session and audit among them', () => {
    const paths = Object.keys(openApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/audit', '/api/v1/drafts/{id}']));
  });
});
