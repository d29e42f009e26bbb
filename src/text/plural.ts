const rules = { pl: new Intl.PluralRules('pl-PL'), en: new Intl.PluralRules('en-GB') };
// Made once, as the rules are: a new formatter per call costs more than the formatting.
const numbers = { pl: new Intl.NumberFormat('pl-PL'), en: new Intl.NumberFormat('en-GB') };

/** The forms of a noun by plural category: Polish needs `one`, `few` and `many`; English `one` and `other`. */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `n` with the form of its noun that agrees with it ("1 test", "2 testy", "5 testów"), by `Intl.PluralRules`. */
export function countText(n: number, forms: Forms, lang: 'pl' | 'en'): string {
  const category = rules[lang].select(n);
  return `${numbers[lang].format(n)} ${forms[category] ?? forms.other}`;
}
