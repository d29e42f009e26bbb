import type { Catalogue } from '../catalogue/catalogue.ts';
import { formatParameterValue } from '../decide/parameter-texts.ts';
import { conditionText } from '../diff/condition-text.ts';
import { parseExpression } from '../expr/parser.ts';
import { PLACEHOLDER } from '../load/templates.ts';
import type { LocalText } from '../schema/common.ts';
import type { ParameterFile } from '../schema/parameters.ts';
import type { Rule, RuleSetDocument } from '../schema/ruleset.ts';
import { formatDate, type Lang } from '../text/format.ts';
import { conditionWords } from './condition-words.ts';

const LANGS: Lang[] = ['pl', 'en'];
const both = (f: (lang: Lang) => string): LocalText => ({ pl: f('pl'), en: f('en') });

/** A rule's text as the version page shows it: each `{name}` the engine fills in as the name's label in brackets. */
export function ruleSentence(text: string, catalogue: Catalogue, lang: Lang): string {
  return text
    .replace(new RegExp(PLACEHOLDER.source, 'g'), (_, name: string) => {
      const label = catalogue.facts.get(name)?.label[lang] ?? catalogue.parameters.get(name)?.label[lang] ?? name;
      return `[${label}]`;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** When a rule applies, in words; "always" for a rule without a condition. */
function when(rule: Rule, catalogue: Catalogue, lang: Lang): string {
  const text = conditionText(rule.when);
  if (text === undefined) return lang === 'pl' ? 'zawsze' : 'always';
  try {
    return conditionWords(parseExpression(text), catalogue, lang);
  } catch {
    return text;
  }
}

/** What a branch of a rule decides, as the outcome's label; empty when it decides no outcome. */
function decides(effect: Rule['then'], catalogue: Catalogue, lang: Lang): string {
  const outcome = typeof effect === 'string' ? effect : effect?.outcome;
  return outcome ? (catalogue.outcomes.get(outcome)?.[lang] ?? outcome) : '';
}

/** A rule as one clause: its sentence, when it applies, and the outcome it decides. */
function clause(rule: Rule, catalogue: Catalogue, lang: Lang): string {
  const outcome = decides(rule.then, catalogue, lang);
  const applies = lang === 'pl' ? 'stosuje się, gdy' : 'applies when';
  const result = outcome ? (lang === 'pl' ? `; wynik: ${outcome}` : `; outcome: ${outcome}`) : '';
  return `„${ruleSentence(rule.text[lang], catalogue, lang)}” (${applies}: ${when(rule, catalogue, lang)}${result})`;
}

/** The article a rule applies, as the sentence's opening: `UZS art. 15 ust. 7`. */
const basisOf = (rule: Rule) => rule.basis;

/**
 * What a new version of a rule set changes, as the law reads: for each rule added, removed or changed (its
 * condition, what it decides, or its sentence), the rule's sentence with when it applies, before and after, in
 * Polish and English, names by their catalogue labels.
 */
export function ruleSetSentences(before: RuleSetDocument | undefined, after: RuleSetDocument, catalogue: Catalogue): LocalText[] {
  const out: LocalText[] = [];
  const old = new Map(before?.rules.map((r) => [r.id, r]) ?? []);
  for (const rule of after.rules) {
    const was = old.get(rule.id);
    if (!was) {
      out.push(
        both((lang) =>
          lang === 'pl'
            ? `Nowy przepis (${basisOf(rule)}): ${clause(rule, catalogue, lang)}.`
            : `New provision (${basisOf(rule)}): ${clause(rule, catalogue, lang)}.`,
        ),
      );
      continue;
    }
    const same = LANGS.every((lang) => clause(was, catalogue, lang) === clause(rule, catalogue, lang));
    if (same && JSON.stringify(was.else ?? null) === JSON.stringify(rule.else ?? null)) continue;
    out.push(
      both((lang) =>
        lang === 'pl'
          ? `Zmieniony przepis (${basisOf(rule)}): było ${clause(was, catalogue, lang)}; będzie ${clause(rule, catalogue, lang)}.`
          : `Changed provision (${basisOf(rule)}): was ${clause(was, catalogue, lang)}; becomes ${clause(rule, catalogue, lang)}.`,
      ),
    );
  }
  const kept = new Set(after.rules.map((r) => r.id));
  for (const rule of before?.rules ?? [])
    if (!kept.has(rule.id))
      out.push(
        both((lang) =>
          lang === 'pl'
            ? `Uchylony przepis (${basisOf(rule)}): ${clause(rule, catalogue, lang)}.`
            : `Repealed provision (${basisOf(rule)}): ${clause(rule, catalogue, lang)}.`,
        ),
      );
  return out;
}

/**
 * What a new revision of a parameters file changes, as sentences: each value added, changed or removed, with its
 * label, the day it applies from and the amount formatted (`1 780,00 zł`, `120%`, `21 dni`).
 */
export function parameterSentences(before: ParameterFile | undefined, after: ParameterFile): LocalText[] {
  const out: LocalText[] = [];
  for (const [id, def] of Object.entries(after.parameters)) {
    const was = before?.parameters[id];
    const rows = new Map(was?.values.map((v) => [v.from, v]) ?? []);
    const value = (v: number, lang: Lang) => formatParameterValue(v, def.unit, lang);
    for (const row of def.values) {
      const old = rows.get(row.from);
      const v = Number(row.value);
      if (!old)
        out.push(
          both((lang) =>
            lang === 'pl'
              ? `„${def.label.pl}” od ${formatDate(row.from, 'pl')} r.: ${value(v, 'pl')} (${row.basis}).`
              : `"${def.label.en}" from ${formatDate(row.from, 'en')}: ${value(v, 'en')} (${row.basis}).`,
          ),
        );
      else if (Number(old.value) !== v)
        out.push(
          both((lang) =>
            lang === 'pl'
              ? `„${def.label.pl}” od ${formatDate(row.from, 'pl')} r.: ${value(v, 'pl')} zamiast ${value(Number(old.value), 'pl')} (${row.basis}).`
              : `"${def.label.en}" from ${formatDate(row.from, 'en')}: ${value(v, 'en')} instead of ${value(Number(old.value), 'en')} (${row.basis}).`,
          ),
        );
    }
    const now = new Set(def.values.map((v) => v.from));
    for (const row of was?.values ?? [])
      if (!now.has(row.from))
        out.push(
          both((lang) =>
            lang === 'pl'
              ? `„${def.label.pl}”: usunięto wartość od ${formatDate(row.from, 'pl')} r. (${value(Number(row.value), 'pl')}).`
              : `"${def.label.en}": the value from ${formatDate(row.from, 'en')} (${value(Number(row.value), 'en')}) is removed.`,
          ),
        );
  }
  return out;
}
