import { type Diagnostic, setDiagnostics } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { type EditorView, type PluginValue, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { Problem } from './local-check.ts';

/** Where a problem was found: at once in the browser, or by the server against the law in force. */
export type Origin = 'browser' | 'server';

/** A problem as shown: located in the current text (lines move as the author types above it). */
export interface ShownProblem extends Problem {
  origin: Origin;
  from: number;
  to: number;
}

/** What the checks have found so far, for the list under the editor and the status line. */
export interface ValidationState {
  problems: ShownProblem[];
  /** True while the server's check of the latest text is awaited. */
  checking: boolean;
  /** True once every check of the latest text has reported (false from the keystroke on): the state to wait for. */
  settled: boolean;
  /** Set when the server could not be asked; the browser's findings still stand. */
  serverError?: unknown;
}

/** How the editor checks its text and reports what it found. */
export interface ValidationOptions {
  /** The browser's check: syntax and schema, synchronous and cheap. */
  local(text: string): Problem[];
  /** The server's check of unsaved text; absent for a reader who may not ask it. */
  remote?: (text: string) => Promise<Problem[]>;
  /** Turns a located problem into an editor diagnostic, in the UI's language. */
  diagnostic(problem: ShownProblem): Diagnostic;
  /** Told each time the findings change. */
  onChange(state: ValidationState): void;
  /** Milliseconds of quiet before the browser's check (keeps typing smooth) and before the server's. */
  localDelay?: number;
  remoteDelay?: number;
}

/** The span of a 1-based line and column in `doc`: the word there, or one character. */
export function spanOf(doc: Text, line: number, col: number): { from: number; to: number } {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  let from = Math.min(l.from + Math.max(col, 1) - 1, l.to);
  const word = /^[\p{L}\p{N}_.-]+/u.exec(doc.sliceString(from, l.to))?.[0];
  if (word) return { from, to: from + word.length };
  // A problem at the end of a line (or on an empty one) is marked on the character before it.
  if (from === l.to && from > l.from) from -= 1;
  return { from, to: Math.min(from + 1, doc.length) };
}

/** Problems found twice (the server repeats the syntax and schema checks) are shown once. */
const sameSpot = (a: Problem, b: Problem) => a.line === b.line && a.col === b.col && a.code === b.code;

/**
 * Validates as the author types: the browser's check a moment after each change, the server's after a longer
 * pause (its answer is dropped if the text changed meanwhile), both shown as lint markers and reported through
 * `onChange`. The server's findings follow the text they point at until its next answer replaces them.
 */
export function validation(options: ValidationOptions) {
  const localDelay = options.localDelay ?? 150;
  const remoteDelay = options.remoteDelay ?? 700;
  return ViewPlugin.define((view: EditorView) => new Checker(view, options, localDelay, remoteDelay));
}

class Checker implements PluginValue {
  #local: ShownProblem[] = [];
  #remote: ShownProblem[] = [];
  #checking = false;
  /** The browser's check of the latest text is still to run. */
  #localPending = false;
  #serverError: unknown = undefined;
  #localTimer: ReturnType<typeof setTimeout> | undefined;
  #remoteTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts changes to the text, so an answer about an older text is recognised and dropped. */
  #version = 0;
  #destroyed = false;

  constructor(
    readonly view: EditorView,
    readonly options: ValidationOptions,
    readonly localDelay: number,
    readonly remoteDelay: number,
  ) {
    this.#schedule(0);
  }

  update(update: ViewUpdate): void {
    if (!update.docChanged) return;
    this.#version++;
    const map = (p: ShownProblem): ShownProblem => ({
      ...p,
      from: update.changes.mapPos(p.from, 1),
      to: Math.max(update.changes.mapPos(p.from, 1), update.changes.mapPos(p.to, -1)),
    });
    this.#remote = this.#remote.map(map);
    this.#local = this.#local.map(map);
    this.#schedule(this.localDelay);
    // Said at once, not when the first check runs: the findings so far are about a text that is gone.
    this.#report(this.#current());
  }

  /** Shows the findings again (after a change of language). */
  refresh(): void {
    this.#publish();
  }

  /** Checks now, both in the browser and on the server. */
  checkNow(): void {
    this.#schedule(0, 0);
  }

  destroy(): void {
    this.#destroyed = true;
    clearTimeout(this.#localTimer);
    clearTimeout(this.#remoteTimer);
  }

  #schedule(localDelay: number, remoteDelay = this.remoteDelay): void {
    clearTimeout(this.#localTimer);
    clearTimeout(this.#remoteTimer);
    this.#localPending = true;
    this.#localTimer = setTimeout(() => this.#runLocal(), localDelay);
    if (this.options.remote) {
      this.#checking = true;
      this.#remoteTimer = setTimeout(() => void this.#runRemote(), Math.max(localDelay, remoteDelay));
    }
  }

  #locate(problems: readonly Problem[], origin: Origin): ShownProblem[] {
    const doc = this.view.state.doc;
    return problems.map((p) => ({ ...p, origin, ...spanOf(doc, p.line, p.col) }));
  }

  #runLocal(): void {
    if (this.#destroyed) return;
    this.#local = this.#locate(this.options.local(this.view.state.doc.toString()), 'browser');
    this.#localPending = false;
    this.#publish();
  }

  async #runRemote(): Promise<void> {
    const remote = this.options.remote;
    if (!remote || this.#destroyed) return;
    const version = this.#version;
    const text = this.view.state.doc.toString();
    try {
      const found = await remote(text);
      if (this.#destroyed || version !== this.#version) return;
      this.#remote = this.#locate(found, 'server');
      this.#serverError = undefined;
    } catch (e) {
      if (this.#destroyed || version !== this.#version) return;
      this.#serverError = e;
    }
    this.#checking = false;
    this.#publish();
  }

  #publish(): void {
    const problems = this.#current();
    this.view.dispatch(setDiagnostics(this.view.state, problems.map(this.options.diagnostic)));
    this.#report(problems);
  }

  /** The findings so far, each with the line and column where it now lies, errors first. */
  #current(): ShownProblem[] {
    const doc = this.view.state.doc;
    // Line and column follow the text: recompute them from where each problem now lies.
    const relocated = (p: ShownProblem): ShownProblem => {
      const line = doc.lineAt(p.from);
      return { ...p, line: line.number, col: p.from - line.from + 1 };
    };
    const local = this.#local.map(relocated);
    const remote = this.#remote.map(relocated).filter((r) => !local.some((l) => sameSpot(l, r)));
    return [...local, ...remote].sort(
      (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || a.from - b.from,
    );
  }

  /** Tells `onChange` the findings and whether checks of the latest text are still to come. */
  #report(problems: ShownProblem[]): void {
    this.options.onChange({
      problems,
      checking: this.#checking,
      settled: !this.#localPending && !this.#checking,
      ...(this.#serverError !== undefined ? { serverError: this.#serverError } : {}),
    });
  }
}

/** The checker of a view, to refresh it or check at once. */
export function checkerOf(view: EditorView, plugin: ReturnType<typeof validation>): Pick<Checker, 'refresh' | 'checkNow'> | null {
  return view.plugin(plugin);
}
