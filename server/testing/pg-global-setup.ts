// Vitest's global setup for the `pg` project: one throw-away PostgreSQL for the whole run; each test server makes
// its own database on it (server/testing/test-server.ts).
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throw-away cluster's `postgres` database, as its superuser. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}
