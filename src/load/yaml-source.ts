import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
  visit,
} from 'yaml';
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
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // An alias bomb (or an alias before its anchor) is a problem in the file, never a crash of whoever reads it.
      const fault = faultyAlias(doc, MAX_ALIAS_COUNT);
      const p = fault?.alias.range ? pos(fault.alias.range[0]) : { line: 1, col: 1 };
      problems.push({
        file,
        ...p,
        code: 'YAML_SYNTAX',
        message:
          fault?.why === 'bomb'
            ? `the alias *${fault.alias.source} makes the document expand beyond ${MAX_ALIAS_COUNT} references (an "alias bomb")`
            : fault
              ? `the alias *${fault.alias.source} has no anchor &${fault.alias.source} before it`
              : `the document cannot be read: ${(e as Error).message}`,
        hint:
          fault?.why === 'bomb'
            ? 'Write the repeated values out, or use fewer aliases: a rule file needs only a few.'
            : 'Define each anchor (&name) before the aliases (*name) that use it.',
        severity: 'error',
      });
      value = undefined;
    }
  }
  return { file, text, value, problems, at, problem };
}

/** The most alias expansions a document may cause; yaml's own default, beyond which `toJS` refuses. */
const MAX_ALIAS_COUNT = 100;

/**
 * The alias at which yaml's `toJS` gives up (or one with no anchor before it), found by counting as it counts (each alias resolved once, in document
 * order, weighed by the aliases inside what it points to), so the problem points at a line and column.
 */
function faultyAlias(doc: Document, max: number): { alias: Alias; why: 'bomb' | 'unresolved' } | undefined {
  const anchored = new Map<string, Node>();
  const counts = new Map<Node, { count: number; weight: number }>();
  const weight = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      const c = target ? counts.get(target) : undefined;
      return c ? c.count * c.weight : 0;
    }
    if (isCollection(node)) return Math.max(0, ...node.items.map(weight));
    if (isPair(node)) return Math.max(weight(node.key), weight(node.value));
    return 1;
  };
  let found: { alias: Alias; why: 'bomb' | 'unresolved' } | undefined;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (!target) {
          found = { alias: node, why: 'unresolved' };
          return visit.BREAK;
        }
        const c = counts.get(target) ?? { count: 0, weight: 0 };
        c.count += 1;
        if (c.weight === 0) c.weight = weight(target);
        counts.set(target, c);
        if (c.count * c.weight > max) {
          found = { alias: node, why: 'bomb' };
          return visit.BREAK;
        }
      } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
        anchored.set(node.anchor, node);
      }
      return undefined;
    },
  });
  return found;
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
