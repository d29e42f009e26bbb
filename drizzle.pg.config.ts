import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations, generated from server/db/schema-pg.ts (the twin of schema.ts), committed, applied by migratePg.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema-pg.ts',
  out: './server/db/migrations-pg',
});
