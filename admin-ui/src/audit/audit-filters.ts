import type { ApiPaths } from '../shared/api/client.ts';

/** The query GET /api/v1/audit takes, as the server declares it. */
export type AuditQuery = NonNullable<ApiPaths['/api/v1/audit']['get']['parameters']['query']>;

/** The audit page's filters as the user sets them: calendar days in the user's own time zone. */
export interface AuditFilters {
  action: string;
  actor: string;
  /** `YYYY-MM-DD`, or '' for no bound. */
  from: string;
  /** `YYYY-MM-DD`, inclusive, or '' for no bound. */
  to: string;
}

const KEYS = ['action', 'actor', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** No filter at all. */
export const NO_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };

/** The filters kept in the page's address (`?action=draft&from=2025-10-01`), so a filtered view can be shared. */
export function filtersFromSearch(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const read = (k: (typeof KEYS)[number]) => params.get(k)?.trim() ?? '';
  const day = (v: string) => (DAY.test(v) ? v : '');
  return { action: read('action'), actor: read('actor'), from: day(read('from')), to: day(read('to')) };
}

/** The address query for the filters, without empty ones ('' when none is set). */
export function filtersToSearch(f: AuditFilters): string {
  const params = new URLSearchParams();
  for (const k of KEYS) if (f[k]) params.set(k, f[k]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Local midnight of a calendar day, `days` later, as a UTC instant. */
function localMidnight(day: string, days = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days);
}

/**
 * The server query for the filters. Days are the user's, so they become UTC instants here: the log's
 * times are UTC, and a Polish evening is already the next day there.
 */
export function filtersToQuery(f: AuditFilters): Pick<AuditQuery, 'action' | 'actor' | 'from' | 'to'> {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.from ? { from: localMidnight(f.from).toISOString() } : {}),
    ...(f.to ? { to: new Date(localMidnight(f.to, 1).getTime() - 1).toISOString() } : {}),
  };
}

/** The kinds among actions (`draft` for `draft.save`), each offered as a filter of its own when it has several. */
export function actionKinds(actions: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actions) {
    const dot = a.indexOf('.');
    if (dot > 0) counts.set(a.slice(0, dot), (counts.get(a.slice(0, dot)) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
}
