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

/**
 * The persons a population file holds, read as a stream a chunk at a time (the file is never held whole): its
 * non-blank lines, less the header of a CSV, as {@link countRows} counts them.
 */
export async function countRowsStreamed(file: Blob, format: 'csv' | 'jsonl'): Promise<number> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let lines = 0;
  let carry = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (carry + value).split('\n');
    carry = parts.pop() ?? '';
    for (const line of parts) if (line.trim() !== '') lines++;
  }
  if (carry.trim() !== '') lines++;
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}
