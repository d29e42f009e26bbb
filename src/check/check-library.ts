import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { RuleFile } from '../load/load-library.ts';
import type { Problem } from '../load/problem.ts';
import { parseSource, type SourceFile } from '../load/yaml-source.ts';
import { dayBefore, LAST_DAY } from './calendar.ts';
import { checkVersion, type Finding, type VersionCheck } from './check-version.ts';

/** Every version's findings as problems, the accepted ones apart, and how far the proof went. */
export interface CheckReport {
  problems: Problem[];
  accepted: (Problem & { because: string })[];
  versions: VersionCheck[];
}

export interface CheckLibraryOptions {
  /** The texts the library was loaded from: with them each problem has its line and column, else it points at line 1. */
  files?: readonly RuleFile[];
  /** Which versions to check (default: every version and proposal). */
  only?: (ir: IrRuleSet) => boolean;
}

/** Checks every version and proposal of a library, each over the days it answers for. */
export async function checkLibraryReport(library: Library, options: CheckLibraryOptions = {}): Promise<CheckReport> {
  const { files = [], only = () => true } = options;
  const sources = new Map<string, SourceFile>();
  const sourceOf = (file: string) => {
    if (!sources.has(file)) {
      const f = files.find((x) => x.path === file);
      if (f) sources.set(file, parseSource(f.path, f.text));
    }
    return sources.get(file);
  };
  const report: CheckReport = { problems: [], accepted: [], versions: [] };
  for (const { ir, until } of versionsWithSpans(library).filter((v) => only(v.ir))) {
    const v = await checkVersion(ir, library.catalogue, { until });
    report.versions.push(v);
    const at = (f: Finding) => toProblem(ir.file, sourceOf(ir.file), f);
    report.problems.push(...v.findings.map(at));
    report.accepted.push(...v.accepted.map((a) => ({ ...at(a.finding), because: a.because })));
  }
  return report;
}

/** The problems `reintegra check` finds in a library (accepted findings left out). */
export async function checkLibrary(library: Library, files: readonly RuleFile[] = []): Promise<Problem[]> {
  return (await checkLibraryReport(library, { files })).problems;
}

/** Each version with the last day it answers for; a proposal is open-ended, like the last version. */
function versionsWithSpans(library: Library): { ir: IrRuleSet; until: string }[] {
  const out: { ir: IrRuleSet; until: string }[] = [];
  for (const q of library.questions()) {
    const versions = library.versions(q.id);
    versions.forEach((ir, i) => {
      const next = versions[i + 1];
      out.push({ ir, until: next ? dayBefore(next.validFrom) : LAST_DAY });
    });
    for (const name of q.proposals) {
      const ir = library.version(q.id, name);
      if (ir) out.push({ ir, until: LAST_DAY });
    }
  }
  return out;
}

function toProblem(file: string, source: SourceFile | undefined, f: Finding): Problem {
  const { line, col } = source ? source.at(f.path, f.key ? { key: true } : {}) : { line: 1, col: 1 };
  return {
    file,
    line,
    col,
    code: f.code,
    message: f.message,
    hint: f.hint,
    severity: f.severity,
    ...(f.example ? { example: f.example } : {}),
  };
}
