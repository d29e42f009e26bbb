import type { TrialResult } from './types.ts';

/** A file name for the run's JSON: `trial-cis-benefit-flexible-absence-2025-10-15.json` (the server names its CSV and XLSX alike). */
export function exportName(r: TrialResult, extension: 'json'): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  return `trial-${safe(r.question)}-${safe(r.proposal.version)}-${r.date}.${extension}`;
}

/** Saves text as a file through the browser's download, without a round trip to the server. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; free it once the event loop has moved on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
