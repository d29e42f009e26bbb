import type { Simulation } from './types.ts';

/** How long to wait between two polls of a running job, in milliseconds. */
export const POLL_MS = 400;

/**
 * Asks for a run until it is no longer running, handing each answer to `onUpdate`; stops early (returning
 * undefined) once `cancelled()` says the page has moved on. Errors of `fetch` propagate to the caller.
 */
export async function pollUntilDone<Run extends { id: string; status: string } = Simulation>(
  first: Run,
  fetch: (id: string) => Promise<Run>,
  onUpdate: (run: Run) => void,
  cancelled: () => boolean,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<Run | undefined> {
  let run = first;
  onUpdate(run);
  while (run.status === 'running') {
    await wait(POLL_MS);
    if (cancelled()) return undefined;
    run = await fetch(run.id);
    if (cancelled()) return undefined;
    onUpdate(run);
  }
  return run;
}
