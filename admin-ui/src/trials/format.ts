import { type Language, language } from '../shared/i18n/language.ts';

// The same locales as shared/i18n/format.ts, which keeps its map private; these are the trial pages' extra shapes.
const LOCALES: Record<Language, string> = { pl: 'pl-PL', en: 'en-GB' };

/** A change of money with its sign: `+734,40 zł`, `−120,00 zł`, `0,00 zł`. */
export function formatSignedMoney(amount: number, lang: Language = language()): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'PLN',
    useGrouping: 'always',
    signDisplay: 'exceptZero',
  }).format(amount);
}

/** Whole złoty, for the edges of a chart's bins: `−1 000 zł`. */
export function formatWholeMoney(amount: number, lang: Language = language()): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'PLN',
    useGrouping: 'always',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

/** A share of a whole, to one decimal: `8,2%`. */
export function formatShare(part: number, whole: number, lang: Language = language()): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(whole ? part / whole : 0);
}

/** A file's size in bytes, kB or MB (decimal units, as the body limit is stated): `1,2 MB`. */
export function formatBytes(bytes: number, lang: Language = language()): string {
  const [unit, value] =
    bytes >= 1e6
      ? (['megabyte', bytes / 1e6] as const)
      : bytes >= 1e3
        ? (['kilobyte', bytes / 1e3] as const)
        : (['byte', bytes] as const);
  return new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
