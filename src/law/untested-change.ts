import type { CaseResult } from '../cases/run-cases.ts';
import { formatMoney } from '../explain/explain-answer.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { LocalText } from '../schema/common.ts';
import { type ChangedResult, type ChangedRule, changedResults, changedRules } from './changed-rules.ts';
import type { ChangedValue } from './changed-values.ts';
import { dayBefore, dayText } from './day-text.ts';

/** A change of the law that no passing test case shows. */
export type Untested =
  | {
      kind: 'rule';
      question: string;
      version: string;
      rule: string;
      basis: string;
      change: ChangedRule['change'];
      text: LocalText;
    }
  | { kind: 'result'; question: string; version: string; outcome: string; change: ChangedResult['change']; text: LocalText }
  | { kind: 'value'; parameter: string; from: string; until: string | null; value: number; text: LocalText };

/** What a change set changes: the law versions it adds (with the version each follows) and the dated values. */
export interface LawChange {
  versions: { next: IrRuleSet; prev?: IrRuleSet | undefined }[];
  values: ChangedValue[];
}

/**
 * Every changed rule, outcome result and dated value that no passing case reaches. A rule is reached by a passing
 * case answered by its version that lists it among the reasons, or (for a changed rule) whose answer under the
 * version it follows listed the rule and differs: the case that shows the change. A changed result (what an outcome
 * pays) is reached by a passing case with that outcome that checks an amount. A value is reached by a passing
 * case on a day where it applies whose evaluation read the parameter.
 */
export async function untestedChanges(
  change: LawChange,
  results: readonly CaseResult[],
  published: Library,
  next: Library,
): Promise<Untested[]> {
  const passing = results.filter((r) => r.answer && r.failures.length === 0);
  const out: Untested[] = [];
  for (const { next: version, prev } of change.versions) {
    const answered = passing.filter((r) => r.answer?.ruleset.hash === version.hash);
    const before = lazyBefore(answered, published, prev);
    for (const { rule, change: kind } of changedRules(prev, version)) {
      if (answered.some((r) => r.answer?.reasons.some((x) => x.rule === rule.qid))) continue;
      if (kind === 'changed' && (await before()).some((b) => b.reasons.includes(rule.qid))) continue;
      out.push({
        kind: 'rule',
        question: version.question,
        version: version.validFrom,
        rule: rule.qid,
        basis: rule.basis,
        change: kind,
        text: ruleText(version, rule.basis, rule.text, kind),
      });
    }
    for (const { outcome, change: kind } of changedResults(prev, version)) {
      const checksAmounts = (version.results.get(outcome)?.amounts.length ?? 0) > 0;
      const shown = answered.some(
        (r) => r.answer?.outcome === outcome && (!checksAmounts || Object.keys(r.case.expect.amounts ?? {}).length > 0),
      );
      if (shown) continue;
      const label = next.catalogue.outcomes.get(outcome) ?? { pl: outcome, en: outcome };
      out.push({
        kind: 'result',
        question: version.question,
        version: version.validFrom,
        outcome,
        change: kind,
        text: resultText(version, label, checksAmounts),
      });
    }
  }
  for (const v of change.values) {
    const value = v.value;
    if (value === null) continue;
    const used = passing.some(
      (r) => r.case.date >= v.from && (v.until === null || r.case.date < v.until) && r.parametersRead?.includes(v.parameter),
    );
    if (used) continue;
    const def = next.catalogue.parameters.get(v.parameter);
    out.push({
      kind: 'value',
      parameter: v.parameter,
      from: v.from,
      until: v.until,
      value,
      text: valueText({ ...v, value }, def?.label ?? { pl: v.parameter, en: v.parameter }, def?.unit),
    });
  }
  return out;
}

/** The answers, under the version a new one follows, of the cases the new one answers differently. */
function lazyBefore(answered: readonly CaseResult[], published: Library, prev: IrRuleSet | undefined) {
  let memo: Promise<{ reasons: string[] }[]> | undefined;
  return () => {
    memo ??= (async () => {
      if (!prev) return [];
      const out: { reasons: string[] }[] = [];
      for (const r of answered) {
        const c = r.case;
        const old = await published.decide({ question: c.question, date: c.date, facts: c.facts }).catch(() => undefined);
        if (!old || old.ruleset.hash !== prev.hash || !r.answer) continue;
        const differs = old.outcome !== r.answer.outcome || JSON.stringify(old.amounts) !== JSON.stringify(r.answer.amounts);
        if (differs) out.push({ reasons: old.reasons.map((x) => x.rule) });
      }
      return out;
    })();
    return memo;
  };
}

/** The start of a rule's text, its placeholders shown as an ellipsis: how a reviewer recognises it. */
function snippet(text: string): string {
  const plain = text
    .replace(/\{[^}]*\}/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 80 ? `${plain.slice(0, 79).trimEnd()}…` : plain;
}

function ruleText(version: IrRuleSet, basis: string, text: LocalText, kind: ChangedRule['change']): LocalText {
  return {
    pl: `${kind === 'added' ? 'Nowa' : 'Zmieniona'} reguła z ${basis} („${snippet(text.pl)}”) w wersji „${version.title.pl}” od ${dayText(version.validFrom, 'pl')} nie jest pokazana przez żaden zaliczony test.`,
    en: `The ${kind === 'added' ? 'new' : 'changed'} rule of ${basis} ("${snippet(text.en)}") in "${version.title.en}" from ${dayText(version.validFrom, 'en')} is shown by no passing test case.`,
  };
}

function resultText(version: IrRuleSet, label: LocalText, amounts: boolean): LocalText {
  return {
    pl: `Zmieniony sposób ustalania wyniku „${label.pl}” w wersji „${version.title.pl}” od ${dayText(version.validFrom, 'pl')} nie jest pokazany przez żaden zaliczony test${amounts ? ' sprawdzający kwotę' : ''}.`,
    en: `The changed way the result "${label.en}" is computed in "${version.title.en}" from ${dayText(version.validFrom, 'en')} is shown by no passing test case${amounts ? ' that checks an amount' : ''}.`,
  };
}

function valueText(v: ChangedValue & { value: number }, label: LocalText, unit: string | undefined): LocalText {
  const amount = (lang: 'pl' | 'en') =>
    unit === 'PLN' ? formatMoney(v.value, lang) : new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB').format(v.value);
  const span = (lang: 'pl' | 'en') =>
    v.until
      ? lang === 'pl'
        ? `od ${dayText(v.from, 'pl')} do ${dayText(dayBefore(v.until), 'pl')}`
        : `from ${dayText(v.from, 'en')} to ${dayText(dayBefore(v.until), 'en')}`
      : lang === 'pl'
        ? `od ${dayText(v.from, 'pl')}`
        : `from ${dayText(v.from, 'en')}`;
  return {
    pl: `Wartość „${label.pl}” ${span('pl')} (${amount('pl')}) nie jest użyta przez żaden zaliczony test z dniem w tym okresie.`,
    en: `The value of "${label.en}" ${span('en')} (${amount('en')}) is used by no passing test case dated within it.`,
  };
}
