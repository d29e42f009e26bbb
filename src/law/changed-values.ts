import type { ParameterFile } from '../schema/parameters.ts';

/** A span of days on which a parameter's value changed: a row added, corrected or removed. */
export interface ChangedValue {
  parameter: string;
  /** The first day the changed value applies. */
  from: string;
  /** The day the next row starts (exclusive), or null when the row is the last. */
  until: string | null;
  /** The value now applying on those days (null when the row was removed and nothing earlier applies). */
  value: number | null;
  change: 'added' | 'changed' | 'removed';
}

/**
 * What a new revision of a parameters file changes, as the spans of days whose value differs from the
 * revision before (`before` undefined: a new file, every row is new).
 */
export function changedValues(before: ParameterFile | undefined, after: ParameterFile): ChangedValue[] {
  const out: ChangedValue[] = [];
  const ids = new Set([...Object.keys(before?.parameters ?? {}), ...Object.keys(after.parameters)]);
  for (const id of [...ids].sort()) {
    const old = sorted(before?.parameters[id]?.values ?? []);
    const now = sorted(after.parameters[id]?.values ?? []);
    const oldByFrom = new Map(old.map((v) => [v.from, v.value]));
    const nowByFrom = new Map(now.map((v) => [v.from, v.value]));
    now.forEach((row, i) => {
      const was = oldByFrom.get(row.from);
      if (was === row.value) return;
      out.push({
        parameter: id,
        from: row.from,
        until: now[i + 1]?.from ?? null,
        value: row.value,
        change: was === undefined ? 'added' : 'changed',
      });
    });
    for (const row of old) {
      if (nowByFrom.has(row.from)) continue;
      // A removed row hands its days to the row before it in the new revision, up to the next row.
      const next = now.find((v) => v.from > row.from)?.from ?? null;
      const prior = [...now].reverse().find((v) => v.from < row.from);
      out.push({ parameter: id, from: row.from, until: next, value: prior?.value ?? null, change: 'removed' });
    }
  }
  return out;
}

function sorted<T extends { from: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.from.localeCompare(b.from));
}
