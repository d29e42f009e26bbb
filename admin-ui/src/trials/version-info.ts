import { api, call } from '../shared/api/client.ts';

/** What the trial form shows of a version or proposal: its title and note, and the facts it reads. */
export interface VersionInfo {
  title: { pl: string; en: string } | undefined;
  note: string | undefined;
  facts: string[];
}

const cache = new Map<string, Promise<VersionInfo>>();

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Every fact a version reads, as its document declares them (`facts:`); the server's `required_facts` holds only
 * those without a default, so it is the fallback for a document that declares none.
 */
export function declaredFacts(detail: { document: Record<string, unknown>; required_facts: string[] }): string[] {
  return isStringList(detail.document.facts) ? detail.document.facts : detail.required_facts;
}

const isLocalText = (v: unknown): v is { pl: string; en: string } =>
  typeof v === 'object' && v !== null && 'pl' in v && typeof v.pl === 'string' && 'en' in v && typeof v.en === 'string';

/** A version's (or proposal's) title, note and facts, from GET /api/v1/questions/{q}/versions/{v}; asked once a page load. */
export function versionInfo(question: string, version: string): Promise<VersionInfo> {
  const key = `${question}\n${version}`;
  let found = cache.get(key);
  if (!found) {
    found = call(api.GET('/api/v1/questions/{question}/versions/{version}', { params: { path: { question, version } } })).then(
      (v) => ({
        title: isLocalText(v.document.title) ? v.document.title : undefined,
        note: typeof v.document.note === 'string' ? v.document.note : undefined,
        facts: declaredFacts(v),
      }),
    );
    // A failed answer is not kept, so the next choice asks again.
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}
