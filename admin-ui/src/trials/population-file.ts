/** A population file's format from its name: JSON Lines for `.jsonl` or `.json`, CSV otherwise (as the CLI decides). */
export function formatOfFile(name: string): 'csv' | 'jsonl' {
  return /\.jsonl?$/i.test(name) ? 'jsonl' : 'csv';
}

/** The persons a population's text holds: its non-blank lines, less the header of a CSV. */
export function countRows(text: string, format: 'csv' | 'jsonl'): number {
  let lines = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') lines++;
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}

/** The size in bytes of a request body once sent as UTF-8 JSON: what the server's body limit counts. */
export function jsonBytes(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}
