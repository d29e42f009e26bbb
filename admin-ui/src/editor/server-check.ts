import { api, call } from '../shared/api/client.ts';
import { relativePath } from './draft-files.ts';
import type { Problem } from './local-check.ts';

/** A problem as the server words it, typed as the core's (its codes are the core's stable codes). */
export const asProblem = (p: { severity: string } & Omit<Problem, 'severity' | 'code'> & { code: string }): Problem =>
  ({ ...p, severity: p.severity === 'warning' ? 'warning' : 'error' }) as Problem;

/**
 * The server's check of the unsaved text of one file of a draft, against the law in force with the draft's other
 * files (POST /drafts/{id}/validate-text): the problems of that file (the editor shows those).
 */
export async function checkOnServer(draftId: string, text: string, path?: string): Promise<Problem[]> {
  const r = await call(
    api.POST('/api/v1/drafts/{id}/validate-text', {
      params: { path: { id: draftId } },
      body: { yaml: text, ...(path ? { path } : {}) },
    }),
  );
  // Another file's problem is named at the top of this one, with where it is: its lines are not this text's.
  return r.problems.map((p) =>
    asProblem(
      p.file === r.path ? p : { ...p, line: 1, col: 1, message: `${relativePath(p.file)}:${p.line}:${p.col} ${p.message}` },
    ),
  );
}
