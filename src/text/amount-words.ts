import { type Lang, pluralForm } from './format.ts';

const PL_UNITS = ['', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'];
const PL_TEENS = [
  'dziesięć',
  'jedenaście',
  'dwanaście',
  'trzynaście',
  'czternaście',
  'piętnaście',
  'szesnaście',
  'siedemnaście',
  'osiemnaście',
  'dziewiętnaście',
];
const PL_TENS = [
  '',
  '',
  'dwadzieścia',
  'trzydzieści',
  'czterdzieści',
  'pięćdziesiąt',
  'sześćdziesiąt',
  'siedemdziesiąt',
  'osiemdziesiąt',
  'dziewięćdziesiąt',
];
const PL_HUNDREDS = [
  '',
  'sto',
  'dwieście',
  'trzysta',
  'czterysta',
  'pięćset',
  'sześćset',
  'siedemset',
  'osiemset',
  'dziewięćset',
];
/** Each power of a thousand: [one, few, many], as Intl.PluralRules picks them. */
const PL_SCALES: readonly (readonly [string, string, string])[] = [
  ['', '', ''],
  ['tysiąc', 'tysiące', 'tysięcy'],
  ['milion', 'miliony', 'milionów'],
  ['miliard', 'miliardy', 'miliardów'],
];

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion'];

/** 1…999 in Polish words. */
function plGroup(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const words = [PL_HUNDREDS[h] ?? ''];
  if (rest >= 10 && rest < 20) words.push(PL_TEENS[rest - 10] ?? '');
  else words.push(PL_TENS[Math.floor(rest / 10)] ?? '', PL_UNITS[rest % 10] ?? '');
  return words.filter(Boolean).join(' ');
}

/** 1…999 in English words, British style ("four hundred and eighty-eight"). */
function enGroup(n: number, withAnd: boolean): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const tail =
    rest === 0
      ? ''
      : rest < 10
        ? (EN_UNITS[rest] ?? '')
        : rest < 20
          ? (EN_TEENS[rest - 10] ?? '')
          : [EN_TENS[Math.floor(rest / 10)], EN_UNITS[rest % 10]].filter(Boolean).join('-');
  if (!h) return withAnd && tail ? `and ${tail}` : tail;
  return [`${EN_UNITS[h]} hundred`, tail && `and ${tail}`].filter(Boolean).join(' ');
}

/** A whole number split into groups of three digits, the lowest first. */
function groupsOf(n: number): number[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  return groups;
}

/** A whole number (0 … 999 999 999 999) in words: "tysiąc czterysta osiemdziesiąt osiem", "one thousand four hundred and eighty-eight". */
export function numberInWords(n: number, lang: Lang): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12)
    throw new RangeError(`numberInWords: ${n} is not a whole number below a trillion`);
  if (n === 0) return lang === 'pl' ? 'zero' : 'zero';
  const groups = groupsOf(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (!g) continue;
    if (lang === 'pl') {
      const scale = PL_SCALES[i] as readonly [string, string, string];
      // "tysiąc", not "jeden tysiąc"; the noun agrees with the group as Intl.PluralRules says ("dwa tysiące", "pięć tysięcy").
      if (i > 0 && g === 1) words.push(scale[0]);
      else words.push(plGroup(g), i > 0 ? pluralForm(g, scale, 'pl') : '');
    } else {
      // "one thousand and five": the last group takes "and" when it has no hundreds and a higher group exists.
      words.push(enGroup(g, i === 0 && groups.length > 1 && g < 100), EN_SCALES[i] ?? '');
    }
  }
  return words.filter(Boolean).join(' ');
}

/**
 * An amount of money in words and grosze as a fraction, as written on a decision or a cheque:
 * 1488.96 → "tysiąc czterysta osiemdziesiąt osiem złotych 96/100" (Polish, the noun agreeing with the number),
 * "one thousand four hundred and eighty-eight zlotys 96/100" (English).
 */
export function amountInWords(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`amountInWords: ${amount} is not an amount of money`);
  const [whole = '0', grosze = '00'] = amount.toFixed(2).split('.');
  const zloty = Number(whole);
  const noun =
    lang === 'pl' ? pluralForm(zloty, ['złoty', 'złote', 'złotych', 'złotego'], 'pl') : zloty === 1 ? 'zloty' : 'zlotys';
  return `${numberInWords(zloty, lang)} ${noun} ${grosze}/100`;
}
