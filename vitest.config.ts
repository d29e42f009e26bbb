import { defineConfig } from 'vitest/config';

/** Tests that are about SQLite itself (its file, its WAL, its migrations): they have PostgreSQL counterparts or none. */
const SQLITE_ONLY = [
  'server/db/migrations.test.ts',
  'server/durability.test.ts',
  'server/secret-file.test.ts',
  'server/store/receipt-writer.test.ts',
  'server/cluster.test.ts',
];

export default defineConfig({
  test: {
    // Bounds for a stuck test, not waits: tests wait for states, and a loaded 2-core machine may be slow to start a server.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [
            'src/**/*.test.ts',
            'cli/**/*.test.ts',
            'test/**/*.test.ts',
            'server/**/*.test.ts',
            'admin-ui/src/**/*.test.ts',
          ],
        },
      },
      {
        // The whole server suite again, every test server on a database of its own on one throw-away PostgreSQL.
        extends: true,
        test: {
          name: 'pg',
          include: ['server/**/*.test.ts'],
          // Files that start their own PostgreSQL run once, in the sqlite project.
          exclude: [...SQLITE_ONLY, 'server/db/**', 'server/testing/**', 'server/jobs/pg-boss-queue.test.ts'],
          env: { REINTEGRA_TEST_DATABASE: 'pg' },
          globalSetup: ['server/testing/pg-global-setup.ts'],
        },
      },
    ],
  },
});
