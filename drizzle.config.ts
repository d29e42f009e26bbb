import { defineConfig } from 'drizzle-kit';

// Migrations are generated from server/db/schema.ts, committed, and applied when the server starts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
