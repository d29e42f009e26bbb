import { api, call } from '../shared/api/client.ts';
import type { Problem } from './local-check.ts';

/** A problem as the server words it, typed as the core's (its codes are the core's stable codes). */
export const asProblem = (p: { severity: string } & Omit<Problem, 'severity' | 'code'> & { code: string }): Problem =>
  ({ ...p, severity: p.severity === 'warning' ? 'warning' : 'error' }) as Problem;

/** The server's check of a draft's unsaved text, against the law in force (POST /drafts/{id}/validate-text). */
export async function checkOnServer(draftId: string, text: string): Promise<Problem[]> {
  const r = await call(
    api.POST('/api/v1/drafts/{id}/validate-text', { params: { path: { id: draftId } }, body: { yaml: text } }),
  );
  return r.problems.map(asProblem);
}
