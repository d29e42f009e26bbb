/**
 * Checks that a Polish text a person reads holds no code and no English: no snake_case or kebab-case
 * identifier, no known enumeration value, no file name, no English word, and numbers that agree with the
 * nouns after them. Used the tests that read every text a rule set can produce.
 */

/** What is wrong with one word of a Polish text. */
export interface TextFinding {
  word: string;
  kind: 'snake_case' | 'code' | 'file' | 'english' | 'grammar';
}

/** The law's own abbreviations and the Latin or Polish words that an English list would catch by mistake. */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  'UPZ',
  'URP',
  'UZS',
  'USS',
  'UPS',
  'PUP',
  'OPS',
  'CUS',
  'PRRP',
  'CIS',
  'KIS',
  'PAI',
  'PSU',
  'FP',
  'KRS',
  'IPZS',
  'ZUS',
  'GUS',
  'MPiPS',
  'MRPiPS',
  'MRiPS',
  'RM',
  'Dz.U.',
  'M.P.',
  'I',
  'II',
  'III',
  'de',
  'minimis',
  'grant',
]);

/**
 * Common English words that are not also Polish words ("to", "do", "on", "a", "i", "we", "my", "nie",
 * "program" are Polish and so are left out).
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  `the and of is are were be been being for with from this that these those not or an at as it its has
  have had which when where who whose what why how per month months day days year years week weeks hour hours
  benefit benefits person persons people payable eligible trial participation internship training natural
  legal true false none active completed refused breached other general later first law rule rules check
  source sources value values amount amounts see note only also more less than then else if each every any
  all yes unknown missing answer question questions version proposal proposals announcement official
  uncertain recalled secondary derived read inferred contested travel costs works work disabled pension
  allowance refugee prisoner dependent homeless mental disorder long term unemployed released social
  assistance childcare preschool family support rehabilitation disability under within after before until
  since up out in he she they their them his her our you your will would should may must can could shall
  does did done made make given give get got paid pay due full part whole over cap capped refund
  stipend employer contract state graduate certificate club centre center office head council opinion
  week weekly daily monthly yearly percent public grants teacher compensation structural
  retirement pre old age incapacity alcohol drug drugs therapy exclusion group groups
  participant participants founder founders cooperative activity line kind risk reintegration
  referral gains loses changes change persons baseline assumption assumptions
  drawn below everyone seed synthetic example examples distribution net gain lose mean average`
    .split(/\s+/)
    .filter(Boolean),
);

/** Nouns whose form must agree with the number before them: [one, few, many] (Polish plural categories). */
const COUNTED_NOUNS: readonly (readonly [string, string, string])[] = [
  ['dzień', 'dni', 'dni'],
  ['osoba', 'osoby', 'osób'],
  ['miesiąc', 'miesiące', 'miesięcy'],
  ['godzina', 'godziny', 'godzin'],
  ['rok', 'lata', 'lat'],
  ['założyciel', 'założycieli', 'założycieli'],
  ['tydzień', 'tygodnie', 'tygodni'],
];

const PLURAL = new Intl.PluralRules('pl-PL');

/** Words after which a counted noun stands in the genitive plural, whatever the number. */
const GENITIVE_BEFORE: ReadonlySet<string> = new Set(
  'z ze do od ostatnich pierwszych kolejnych około wśród spośród bez dla u potrzeba brak powyżej poniżej ciągu'.split(' '),
);

/** The form of a counted noun that agrees with `n` ("1 dzień", "2 dni", "5 dni"); undefined for fractions. */
function agreeingForm(n: number, forms: readonly [string, string, string]): string | undefined {
  const category = PLURAL.select(n);
  if (category === 'one') return forms[0];
  if (category === 'few') return forms[1];
  if (category === 'many') return forms[2];
  return undefined;
}

/** Every word that makes a Polish text unsignable, in order; `codes` are the enumeration values and ids of the catalogue. */
export function polishTextFindings(
  text: string,
  codes: ReadonlySet<string> = new Set(),
  options: { grammar?: boolean } = {},
): TextFinding[] {
  const findings: TextFinding[] = [];
  const tokens = text.split(/[\s\u00a0\u202f]+/).filter(Boolean);
  for (const raw of tokens) {
    // Strip punctuation around a word, keeping the dots of abbreviations such as "Dz.U." and "M.P.".
    const word = raw.replace(/^[„"'(«[{]+/, '').replace(/[”"'»)\]},;:!?]+$/, '');
    const bare = word.replace(/\.+$/, '');
    if (!bare || ALLOWED_WORDS.has(word) || ALLOWED_WORDS.has(bare)) continue;
    if (/\.(md|ts|ya?ml|json)$/i.test(bare)) findings.push({ word: bare, kind: 'file' });
    else if (/[a-z0-9]_[a-z0-9]/i.test(bare)) findings.push({ word: bare, kind: 'snake_case' });
    else if (codes.has(bare)) findings.push({ word: bare, kind: 'code' });
    else if (/^[A-Za-z]+$/.test(bare) && ENGLISH_WORDS.has(bare.toLowerCase())) findings.push({ word: bare, kind: 'english' });
    else if (bare === 'PLN') findings.push({ word: bare, kind: 'english' });
  }
  if (options.grammar === false) return findings;
  for (const m of text.matchAll(/(?:(\p{L}+)[ \u00a0]+)?(?<![\d,.])(\d+)[ \u00a0]+([a-ząćęłńóśźż]+)/gu)) {
    const n = Number(m[2]);
    const noun = m[3] as string;
    const forms = COUNTED_NOUNS.find((f) => f.includes(noun));
    if (!forms) continue;
    const right = agreeingForm(n, forms);
    // After a word that governs the genitive ("z 24 miesięcy", "do 2 godzin") the plural is the genitive one.
    const genitive = GENITIVE_BEFORE.has((m[1] ?? '').toLowerCase()) && noun === forms[2];
    if (right !== undefined && right !== noun && !genitive) findings.push({ word: `${m[2]} ${noun}`, kind: 'grammar' });
  }
  return findings;
}
