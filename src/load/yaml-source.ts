import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml';
import type { Problem, ProblemCode } from './problem.ts';

export type Path = readonly (string | number)[];

/** A YAML file parsed with positions: its plain value, its syntax problems, and a way back to line and column. */
export interface SourceFile {
  file: string;
  text: string;
  value: unknown;
  problems: Problem[];
  /** Line and column of the node at `path` (of its key with `key`), or of a character inside a text scalar. */
  at(path: Path, options?: { offset?: number; key?: boolean }): { line: number; col: number };
  /** A problem located at `path`. */
  problem(
    code: ProblemCode,
    message: string,
    path: Path,
    options?: { offset?: number; key?: boolean; hint?: string; warning?: boolean },
  ): Problem;
}

/** Parses YAML text (not a file: the caller reads it) and keeps what is needed to point at a line and column. */
export function parseSource(file: string, text: string): SourceFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, col };
  };

  const at: SourceFile['at'] = (path, options = {}) => {
    const { node, keyNode } = find(doc.contents, path);
    const target = options.key && keyNode ? keyNode : node;
    const range = target?.range;
    if (!range) return { line: 1, col: 1 };
    if (options.offset !== undefined && isScalar(target)) return pos(scalarOffset(text, target, options.offset));
    return pos(range[0]);
  };

  const problem: SourceFile['problem'] = (code, message, path, options = {}) => ({
    file,
    ...at(path, options),
    code,
    message,
    ...(options.hint ? { hint: options.hint } : {}),
    severity: options.warning ? 'warning' : 'error',
  });

  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const p = e.linePos?.[0] ?? pos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    return {
      file,
      line: p.line,
      col: p.col,
      code: 'YAML_SYNTAX' as const,
      message: e.message.split('\n')[0] ?? e.message,
      hint: duplicate
        ? 'A key may appear once in a mapping: remove or rename one.'
        : 'Check indentation, colons and quotes on this line.',
      severity: 'error' as const,
    };
  });
  const value = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { file, text, value, problems, at, problem };
}

function find(root: unknown, path: Path): { node: Node | undefined; keyNode: Node | undefined } {
  let node = root as Node | undefined;
  let keyNode: Node | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
      if (!pair) return { node, keyNode: undefined };
      keyNode = pair.key as Node;
      node = (pair.value ?? pair.key) as Node;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) return { node, keyNode: undefined };
      keyNode = undefined;
      node = item;
    } else {
      return { node, keyNode };
    }
  }
  return { node, keyNode };
}

/** Maps an offset inside a scalar's value to an offset in the file (exact for plain, quoted and literal block scalars). */
function scalarOffset(text: string, node: Scalar, offset: number): number {
  const [start] = node.range ?? [0];
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return start + 1 + offset;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const value = String(node.value);
      const lineIndex = value.slice(0, offset).split('\n').length - 1;
      const colInLine = offset - (value.lastIndexOf('\n', offset - 1) + 1);
      let cursor = text.indexOf('\n', start) + 1;
      for (let i = 0; i < lineIndex; i++) cursor = text.indexOf('\n', cursor) + 1;
      const indent = /^[ ]*/.exec(text.slice(cursor))?.[0].length ?? 0;
      return cursor + indent + colInLine;
    }
    default: {
      const raw = text.slice(start, node.range?.[1] ?? start);
      return raw.includes('\n') ? start : start + offset;
    }
  }
}
