import { isIsoDate } from '../dates/iso-date.ts';

/** The two languages every text is written in. */
export type Lang = 'pl' | 'en';

const LOCALE: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };

// Made once: building an Intl formatter costs far more than formatting with it (a tenth of a decision's time).
const EN_MONEY = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NUMBER: Record<Lang, Intl.NumberFormat> = {
  pl: new Intl.NumberFormat(LOCALE.pl, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 2 }),
};
const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const PLURAL: Record<Lang, Intl.PluralRules> = { pl: new Intl.PluralRules(LOCALE.pl), en: new Intl.PluralRules(LOCALE.en) };

/** Money as a person reads it: `1 859,65 zł` in Polish, `PLN 1,859.65` in English. */
export function formatMoney(amount: number, lang: Lang): string {
  if (lang === 'en') {
    return `PLN ${EN_MONEY.format(amount)}`;
  }
  const [whole = '0', frac = '00'] = Math.abs(amount).toFixed(2).split('.');
  // Polish groups thousands with a (non-breaking) space even for four digits, as on payslips.
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${amount < 0 ? '−' : ''}${grouped},${frac}\u00a0zł`;
}

/** A number as a person reads it: `19,99` in Polish, `19.99` in English, at most two decimals. */
export function formatNumber(n: number, lang: Lang): string {
  return NUMBER[lang].format(n);
}

/** A day as a person reads it: `15.10.2025` in Polish, `15 October 2025` in English. */
export function formatDate(day: string, lang: Lang): string {
  if (!isIsoDate(day)) return day;
  const [y, m, d] = day.split('-');
  if (lang === 'pl') return `${d}.${m}.${y}`;
  return EN_DATE.format(new Date(`${day}T00:00:00Z`));
}

/** The Polish name of a month in the genitive, as in "15 października 2025". */
const MONTHS_GENITIVE = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];

/** A day written out: "15 października 2025" in Polish, "15 October 2025" in English. */
export function formatDateLong(day: string, lang: Lang): string {
  if (!isIsoDate(day) || lang === 'en') return formatDate(day, lang);
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS_GENITIVE[(m as number) - 1]} ${y}`;
}

/**
 * The form of a noun that agrees with `n`, chosen by Intl.PluralRules: Polish forms are
 * [one, few, many] (and optionally other, for fractions: "1,5 miesiąca"), English [one, other].
 */
export function pluralForm(n: number, forms: readonly string[], lang: Lang): string {
  const category = PLURAL[lang].select(n);
  if (lang === 'en') return (category === 'one' ? forms[0] : forms[1]) ?? forms.at(-1) ?? '';
  const index = { one: 0, few: 1, many: 2, other: 3 }[category as 'one' | 'few' | 'many' | 'other'] ?? 2;
  // Without a form for fractions, Polish uses the genitive singular ("2,5 dnia") only where given; else "many".
  return forms[index] ?? forms[2] ?? forms.at(-1) ?? '';
}

/** A number and its noun, agreeing: "1 dzień", "2 dni", "5 dni"; "1 day", "2 days". */
export function formatCount(n: number, forms: readonly string[], lang: Lang): string {
  return `${formatNumber(n, lang)} ${pluralForm(n, forms, lang)}`;
}
