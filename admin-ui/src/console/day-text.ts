/** A day as the console shows it, whatever the browser's language: `2025-10-15` → `15.10.2025`. */
export function showDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * Reads a day typed as `dd.mm.rrrr` (also `d.m.rrrr`, or with `-` or `/`) into ISO `YYYY-MM-DD`;
 * undefined when it is no real day (31.02.2025). An ISO day is accepted as it is.
 */
export function parseDay(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const m = iso ? [t, iso[3], iso[2], iso[1]] : /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
