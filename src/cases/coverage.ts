import { reasonMet } from '../decide/decide.ts';
import type { IrRule, IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { CaseResult } from './run-cases.ts';

/** How often the cases reach one rule of one version, on each side. */
export interface RuleCoverage {
  rule: string;
  basis: string;
  /** Cases in which the rule held (it is among the reasons, met). */
  met: number;
  /** Cases in which its condition failed and its else decided (among the reasons, not met); null when it has no else. */
  failed: number | null;
}

export interface VersionCoverage {
  question: string;
  version: string;
  rules: RuleCoverage[];
}

/** Per question, version and rule, which cases reach it: the trust legal staff need in a rule set. */
export function coverage(library: Library, results: readonly CaseResult[]): VersionCoverage[] {
  const out: VersionCoverage[] = [];
  for (const question of library.questionIds()) {
    for (const v of library.versions(question)) {
      if (v.repealed) continue;
      const answers = results.filter((r) => r.answer?.ruleset.hash === v.hash).map((r) => r.answer);
      out.push({
        question,
        version: v.name,
        rules: v.rules.map((rule) => {
          const reasons = answers.flatMap((a) => a?.reasons.filter((x) => x.rule === rule.qid) ?? []);
          const held = reasons.filter((x) => conditionHeld(v, rule, x.met));
          return {
            rule: rule.id,
            basis: rule.basis,
            met: held.length,
            failed: rule.ifFailed ? reasons.length - held.length : null,
          };
        }),
      });
    }
  }
  return out;
}

/**
 * Which side of its condition a rule was on, from a reason's `met`: a bar that applies (a `then` deciding a
 * negative outcome) is reported as not met though its condition held, so the side is read back through reasonMet.
 */
function conditionHeld(ir: IrRuleSet, rule: IrRule, met: boolean): boolean {
  if (!rule.ifFailed) return true;
  const ifHeld = reasonMet(ir, true, rule.ifMet);
  const ifFailed = reasonMet(ir, false, rule.ifFailed);
  return ifHeld === ifFailed ? met : met === ifHeld;
}

/** Rules that no case reaches at all, as `question@version: rule (basis)`. */
export function unreached(report: readonly VersionCoverage[]): string[] {
  return report.flatMap((v) =>
    v.rules.filter((r) => r.met === 0 && !r.failed).map((r) => `${v.question}@${v.version}: ${r.rule} (${r.basis})`),
  );
}

/** Rules with an else whose failing side no case reaches. */
export function failingSideUnreached(report: readonly VersionCoverage[]): string[] {
  return report.flatMap((v) =>
    v.rules.filter((r) => r.failed === 0).map((r) => `${v.question}@${v.version}: ${r.rule} (${r.basis})`),
  );
}

/** The report as text: per question and article, the rules and their met / failed counts. */
export function formatCoverage(report: readonly VersionCoverage[]): string {
  const lines: string[] = [];
  for (const v of report) {
    lines.push(`${v.question} @ ${v.version}`);
    const byBasis = new Map<string, RuleCoverage[]>();
    for (const r of v.rules) byBasis.set(r.basis, [...(byBasis.get(r.basis) ?? []), r]);
    for (const [basis, rules] of [...byBasis].sort(([a], [b]) => a.localeCompare(b, 'pl', { numeric: true }))) {
      lines.push(`  ${basis}`);
      for (const r of rules) {
        const mark = r.met === 0 && !r.failed ? '✗' : r.failed === 0 ? '~' : '✓';
        lines.push(
          `    ${mark} ${r.rule.padEnd(34)} met ${String(r.met).padStart(3)}   failed ${r.failed === null ? '  –' : String(r.failed).padStart(3)}`,
        );
      }
    }
  }
  const none = unreached(report);
  const half = failingSideUnreached(report);
  lines.push('', none.length ? `Rules no case reaches (${none.length}):` : 'Every rule is reached by at least one case.');
  for (const n of none) lines.push(`  ✗ ${n}`);
  if (half.length) {
    lines.push(`Rules whose failing side no case reaches (${half.length}):`);
    for (const n of half) lines.push(`  ~ ${n}`);
  }
  return lines.join('\n');
}
