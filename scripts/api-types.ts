// The admin UI's API types, generated from the server's own OpenAPI document (built in-process, no server needed).
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { createApp, OPENAPI_CONFIG } from '../server/app.ts';
import { openDatabase } from '../server/db/open.ts';
import { LawCache } from '../server/store/rule-files.ts';

/** Where the generated types live; the UI's client imports them. */
export const API_TYPES_FILE = new URL('../admin-ui/src/shared/api/schema.d.ts', import.meta.url);

/** The server's OpenAPI 3.1 document, from the same createApp the server runs. */
export function openApiDocument(): OpenAPI3 {
  const database = openDatabase(':memory:');
  const { db } = database;
  try {
    const app = createApp({
      db,
      law: new LawCache(db),
      secret: 'x'.repeat(32),
      bodyLimitBytes: 1,
      logRequests: false,
      cookieSecure: false,
    });
    return app.getOpenAPI31Document(OPENAPI_CONFIG) as OpenAPI3;
  } finally {
    // SQLite closes at once (close() only resolves later), so the document stays a plain value for its callers.
    void database.close();
  }
}

/** The text of admin-ui/src/shared/api/schema.d.ts as openapi-typescript writes it for the current routes. */
export async function apiTypesText(): Promise<string> {
  const nodes = await openapiTS(openApiDocument(), { silent: true, alphabetize: true });
  return `${COMMENT_HEADER}${astToString(nodes)}`;
}
