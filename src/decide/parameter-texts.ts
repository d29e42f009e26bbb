import type { Catalogue } from '../catalogue/catalogue.ts';
import type { ParameterLookup } from '../catalogue/parameters.ts';
import type { IrRuleSet } from '../ir/types.ts';
import type { Answer, AnswerCaveat } from '../schema/answer.ts';
import { CONFIDENCE_LABELS, type LocalText, noteIn } from '../schema/common.ts';
import type { ParameterDefinition } from '../schema/parameters.ts';
import { formatCount, formatDate, formatMoney, formatNumber, type Lang } from '../text/format.ts';
import type { ParameterNotInForce } from './scope.ts';

const UNIT_FORMS: Partial<Record<ParameterDefinition['unit'], LocalText>> = {
  months: { pl: 'miesiąc|miesiące|miesięcy', en: 'month|months' },
  hours: { pl: 'godzina|godziny|godzin', en: 'hour|hours' },
  days: { pl: 'dzień|dni|dni', en: 'day|days' },
};

/** A parameter's value with its unit, as a person reads it: `1 491,90 zł`, `120%`, `6 miesięcy`. */
export function formatParameterValue(value: number, unit: ParameterDefinition['unit'], lang: Lang): string {
  if (unit === 'PLN') return formatMoney(value, lang);
  if (unit === 'percent') return `${formatNumber(value, lang)}%`;
  const forms = UNIT_FORMS[unit];
  return forms ? formatCount(value, forms[lang].split('|'), lang) : formatNumber(value, lang);
}

/** The label of a parameter in both languages (its id only if the catalogue has lost it). */
function labelOf(catalogue: Catalogue, id: string): LocalText {
  return catalogue.parameters.get(id)?.label ?? { pl: id, en: id };
}

/** The caveat an answer carries when it relies on a value that is not read in an official text. */
export function parameterCaveat(p: ParameterLookup, catalogue: Catalogue): AnswerCaveat {
  const label = labelOf(catalogue, p.id);
  const value = p.value.toNumber();
  const sentence = (lang: Lang) => {
    const note = noteIn(p, lang);
    const confidence = CONFIDENCE_LABELS[p.confidence][lang];
    return lang === 'pl'
      ? `Wartość „${label.pl}” obowiązująca od ${formatDate(p.from, 'pl')} (${formatParameterValue(value, p.unit, 'pl')}) jest ${confidence}: sprawdź ją w źródle urzędowym (Dziennik Ustaw, Monitor Polski)${note ? `. ${note}` : ''}.`
      : `The value of "${label.en}" in force from ${formatDate(p.from, 'en')} (${formatParameterValue(value, p.unit, 'en')}) is ${confidence}: check it against the official source (Dziennik Ustaw, Monitor Polski)${note ? `. ${note}` : ''}.`;
  };
  return {
    code: `PARAMETER_${p.confidence.toUpperCase()}`,
    text: { pl: trimStop(sentence('pl')), en: trimStop(sentence('en')) },
  };
}

/** One full stop at the end, even when a note already ends with one. */
const trimStop = (s: string) => s.replace(/\.\.$/, '.');

/**
 * The answer when a value the rules need is not known for the day: `undetermined`, a reason naming the
 * parameter by its label, and a caveat saying from when a value is known, instead of an exception.
 */
export function parameterNotInForceAnswer(
  ir: IrRuleSet,
  catalogue: Catalogue,
  e: ParameterNotInForce,
): Omit<Answer, 'question' | 'date' | 'ruleset'> {
  const label = labelOf(catalogue, e.parameter);
  const rows = catalogue.parameters.get(e.parameter)?.values ?? [];
  const first = rows[0]?.from;
  const known = (lang: Lang) =>
    first
      ? lang === 'pl'
        ? ` Pierwsza znana wartość obowiązuje od ${formatDate(first, 'pl')}.`
        : ` The first known value applies from ${formatDate(first, 'en')}.`
      : '';
  return {
    outcome: 'undetermined',
    amounts: {},
    values: {},
    reasons: [
      {
        rule: `${ir.question}.parameter-not-in-force`,
        basis: ir.law.basis,
        text: {
          pl: `Nie można rozstrzygnąć: wartość „${label.pl}” na dzień ${formatDate(e.date, 'pl')} nie jest znana.${known('pl')}`,
          en: `This cannot be decided: the value of "${label.en}" on ${formatDate(e.date, 'en')} is not known.${known('en')}`,
        },
        met: false,
      },
    ],
    missing: [],
    caveats: [
      {
        code: 'PARAMETER_NOT_IN_FORCE',
        text: {
          pl: `Brakuje wartości „${label.pl}” obowiązującej w dniu ${formatDate(e.date, 'pl')}; ustal ją w Dzienniku Ustaw albo Monitorze Polskim i dopisz do parametrów, zanim wydasz decyzję.`,
          en: `The value of "${label.en}" in force on ${formatDate(e.date, 'en')} is missing; find it in the Dziennik Ustaw or Monitor Polski and add it to the parameters before deciding.`,
        },
      },
    ],
  };
}

/** The caveat of an answer whose reasons quote a value the day has none of (the outcome did not need it). */
export function unknownInTextCaveat(id: string, date: string, catalogue: Catalogue): AnswerCaveat {
  const label = labelOf(catalogue, id);
  return {
    code: 'PARAMETER_NOT_IN_FORCE',
    text: {
      pl: `Uzasadnienie przytacza wartość „${label.pl}”, która na dzień ${formatDate(date, 'pl')} nie jest znana; rozstrzygnięcie jej nie wymagało, ale przed wydaniem decyzji ustal ją w Dzienniku Ustaw albo Monitorze Polskim.`,
      en: `The reasons quote the value of "${label.en}", which is not known for ${formatDate(date, 'en')}; the outcome did not need it, but find it in the Dziennik Ustaw or Monitor Polski before deciding.`,
    },
  };
}
