import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', 'server/**/*.test.ts', 'admin-ui/src/**/*.test.ts'],
    // Bounds for a stuck test, not waits: tests wait for states, and a loaded 2-core machine may be slow to start a server.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
