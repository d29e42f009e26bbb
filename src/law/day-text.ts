/** A day as people read it: `15.10.2025` in Polish, `15 Oct 2025` in English. */
export function dayText(iso: string, lang: 'pl' | 'en'): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'pl') return `${d}.${m}.${y}`;
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The day before an ISO day (the last day a row applies, when the next row starts on `iso`). */
export function dayBefore(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
