/**
 * Marks what a publication in Reintegra makes known: each dated value without `published_on` gets the day it was
 * published here, and so does a version of the law whose `law` says none. A text edit, line by line, so the file
 * keeps its comments and its layout. Pure: the server's publish calls it with the day.
 */
export function stampPublished(path: string, text: string, day: string): string {
  if (/(^|\/)parameters\/[^/]+\.yaml$/.test(path)) return stampRows(text, day);
  if (/(^|\/)(tests|proposals)\//.test(path) || /^rules\/[a-z]+\.yaml$/.test(path) || !/\/\d{4}-\d{2}-\d{2}\.yaml$/.test(path))
    return text;
  return stampVersion(text, day);
}

const STAMP = (day: string) => ({ flow: `, published_on: ${day}, published_confidence: read, published_in: Reintegra` });

/** Dated values: a one-line row gains the fields after its confidence; a block row gains lines after it. */
function stampRows(text: string, day: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*- \{ ?from: /.test(line) && !line.includes('published_on')) {
      out.push(line.replace(/(confidence: [a-z]+)/, `$1${STAMP(day).flow}`));
      continue;
    }
    const block = /^(\s*)- from: /.exec(line);
    if (!block) {
      out.push(line);
      continue;
    }
    // A block row: its lines run to the next item or a line indented less than its fields.
    const indent = `${block[1]}  `;
    let end = i + 1;
    while (end < lines.length && (lines[end] as string).startsWith(indent) && !/^\s*- /.test(lines[end] as string)) end++;
    const row = lines.slice(i, end);
    const at = row.findIndex((l) => /^\s*confidence: /.test(l));
    if (!row.some((l) => /^\s*published_on: /.test(l)) && at >= 0)
      row.splice(
        at + 1,
        0,
        `${indent}published_on: ${day}`,
        `${indent}published_confidence: read`,
        `${indent}published_in: Reintegra`,
      );
    out.push(...row);
    i = end - 1;
  }
  return out.join('\n');
}

/** A version: `law` (block or one line) gains published_on after dz_u, unless it has one or the file is a proposal. */
function stampVersion(text: string, day: string): string {
  if (/^kind: proposal\b/m.test(text) || /^\s+published_on: /m.test(text) || /^law: \{[^}]*published_on/m.test(text)) return text;
  const flow = /^law: \{(.*)\}\s*$/m;
  if (flow.test(text))
    return text.replace(
      flow,
      (_m, inner: string) => `law: {${inner.trimEnd()}, published_on: ${day}, published_confidence: read }`,
    );
  return text.replace(/^(law:\n(?: {2}.*\n)*? {2}dz_u: .*)$/m, `$1\n  published_on: ${day}\n  published_confidence: read`);
}
