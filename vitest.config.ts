import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', 'server/**/*.test.ts', 'admin-ui/src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
