// `npm run api:types`: regenerates admin-ui/src/shared/api/schema.d.ts after a route changes (a test fails while it is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, apiTypesText } from './api-types.ts';

writeFileSync(API_TYPES_FILE, await apiTypesText());
process.stdout.write(`${fileURLToPath(API_TYPES_FILE)}\n`);
