import type { Catalogue } from '../catalogue/catalogue.ts';
import type { ParameterLookup } from '../catalogue/parameters.ts';
import { formatParameterValue } from '../decide/parameter-texts.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Library } from '../library.ts';
import type { ActDefinition } from '../schema/acts.ts';
import type { LocalText } from '../schema/common.ts';
import { formatDate, formatDateLong, type Lang } from '../text/format.ts';

/** The act published at a Dz.U. / M.P. position, from the catalogue of acts. */
function actAt(catalogue: Catalogue, where: string | undefined): ActDefinition | undefined {
  if (!where) return undefined;
  return [...catalogue.acts.values()].find((a) => a.dz_u === where);
}

/** "ustawa z dnia 13 stycznia 2022 r. (…)" / "the act of 13 January 2022 (…)": the act as a sentence names it. */
function actName(act: ActDefinition | undefined, where: string | undefined, lang: Lang): string {
  if (act) {
    const title = act.title[lang];
    const short =
      lang === 'pl'
        ? title.replace(/^Ustawa z dnia (.*? r\.).*$/, 'ustawa z dnia $1')
        : title.replace(/^Act of (\d+ \w+ \d{4}).*$/, 'the act of $1');
    return `${short} (${act.dz_u})`;
  }
  if (where === 'Reintegra') return lang === 'pl' ? 'wartość wprowadzona w Reintegrze' : 'the value entered in Reintegra';
  if (where) return lang === 'pl' ? `akt ogłoszony w ${where}` : `the act published in ${where}`;
  return lang === 'pl' ? 'zmiana prawa' : 'a change of the law';
}

/** Why a dated value differs: its new row, the act that made it, when that act was published and from when it applies. */
function rowSentence(
  label: LocalText,
  before: ParameterLookup | undefined,
  after: ParameterLookup,
  catalogue: Catalogue,
): LocalText {
  const act = actAt(catalogue, after.published_in);
  const text = (lang: Lang) => {
    const from = before ? formatParameterValue(before.value.toNumber(), before.unit, lang) : lang === 'pl' ? 'brak' : 'none';
    const to = formatParameterValue(after.value.toNumber(), after.unit, lang);
    const name = actName(act, after.published_in, lang);
    const published = after.published_on ? formatDateLong(after.published_on, lang) : undefined;
    const applies = formatDateLong(after.from, lang);
    if (lang === 'pl')
      return `${label.pl}: ${from} → ${to}, bo ${name}${published ? `, ogłoszona ${published} r.` : ''}, stosuje się od ${applies} r.`;
    return `${label.en}: ${from} → ${to}, because ${name}${published ? `, published on ${published}` : ''}, applies from ${applies}.`;
  };
  return { pl: text('pl'), en: text('en') };
}

/** Why another version answers: the version known later, its act and when it was published. */
function versionSentence(after: IrRuleSet, catalogue: Catalogue): LocalText {
  const act = actAt(catalogue, after.law.dz_u);
  const published = after.law.published_on;
  const text = (lang: Lang) => {
    const name = actName(act, after.law.dz_u, lang);
    const day = published ? formatDateLong(published, lang) : undefined;
    return lang === 'pl'
      ? `Odpowiada wersja przepisów obowiązująca od ${formatDate(after.validFrom, 'pl')}: ${name}${day ? `, ogłoszona ${day} r.` : ''}.`
      : `The version in force from ${formatDate(after.validFrom, 'en')} answers: ${name}${day ? `, published on ${day}` : ''}.`;
  };
  return { pl: text('pl'), en: text('en') };
}

/**
 * Why a question on `date` is answered differently as known on `after` than as known on `before`: each version or
 * dated value that became known in between and applies to the date, with its act, its publication day and the day it
 * applies from (e.g. "ustawa z dnia 13 stycznia 2022 r., ogłoszona 31 stycznia 2022 r., stosuje się od 1 stycznia 2022 r.").
 */
export function whyChanged(library: Library, question: string, date: string, before: string, after: string): LocalText[] {
  const reasons: LocalText[] = [];
  const vBefore = library.versionOn(question, date, before);
  const vAfter = library.versionOn(question, date, after);
  if (vAfter && vAfter !== vBefore) reasons.push(versionSentence(vAfter, library.catalogue));
  const old = library.catalogueKnownOn(before).parameters;
  const now = library.catalogueKnownOn(after).parameters;
  const ids = new Set([...(vBefore?.parameters ?? []), ...(vAfter?.parameters ?? [])]);
  for (const id of ids) {
    const a = now.lookup(id, date);
    const b = old.lookup(id, date);
    if (!a || (b && b.value.cmp(a.value) === 0)) continue;
    reasons.push(rowSentence(library.catalogue.parameters.get(id)?.label ?? { pl: id, en: id }, b, a, library.catalogue));
  }
  return reasons;
}
