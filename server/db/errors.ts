/** The driver's error under drizzle's wrapper (drizzle wraps a failed query and keeps the driver's as `cause`). */
function driverError(e: unknown): { code?: unknown; message?: unknown } {
  const cause = (e as { cause?: unknown })?.cause;
  return (cause && typeof cause === 'object' ? cause : e) as { code?: unknown };
}

/** True when a write was refused by a unique index or primary key, on SQLite or PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  const code = driverError(e).code ?? (e as { code?: unknown })?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** The message of the database's own error (a trigger's refusal, say), under drizzle's wrapper. */
export function databaseMessage(e: unknown): string {
  const m = driverError(e).message;
  return typeof m === 'string' ? m : String(e);
}
