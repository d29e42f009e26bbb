import { type Language, language } from './language.ts';

/** The Intl locale of each UI language: Polish conventions in Polish, British English otherwise. */
const LOCALES: Record<Language, string> = { pl: 'pl-PL', en: 'en-GB' };

// pl-PL leaves 4-digit numbers ungrouped by default; statements of amounts group them ("1 859,65 zł").
const money = (lang: Language) =>
  new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'PLN', useGrouping: 'always' });

/** An amount in złoty: `1 859,65 zł` in Polish, `PLN 1,859.65` in English. */
export function formatMoney(amount: number, lang: Language = language()): string {
  return money(lang).format(amount);
}

/** A plain number, grouped the same way as money. */
export function formatNumber(value: number, lang: Language = language()): string {
  return new Intl.NumberFormat(LOCALES[lang], { useGrouping: 'always' }).format(value);
}

/** Parses `YYYY-MM-DD` as that calendar day, not as UTC midnight, so no time zone moves it. */
function calendarDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** A legal date (`2025-10-15`): `15 października 2025` in Polish, `15 October 2025` in English. */
export function formatDate(iso: string, lang: Language = language()): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(calendarDay(iso));
}

/** A moment (an ISO date-time), in the browser's time zone: `15.10.2025, 14:05:09` in Polish. */
export function formatDateTime(iso: string, lang: Language = language(), timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'short',
    timeStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
