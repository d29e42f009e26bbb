// Writes schema/*.json from the zod schemas, so editors validate rules/**/*.yaml as the loader does.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/schema/json-schemas.ts';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`schema/${name}\n`);
}
