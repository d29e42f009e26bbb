import { formatDate, type Lang } from '../../text/format.ts';
import * as A from './assumptions.ts';
import { POPULATION_FACTS, type PopulationOptions } from './generate-population.ts';
import type { Weighted } from './prng.ts';

const percent = (x: number, lang: Lang) =>
  lang === 'pl' ? `${String(Number((x * 100).toFixed(1))).replace('.', ',')}%` : `${Number((x * 100).toFixed(1))} %`;
const outcome = (v: string | number | A.IntRange) =>
  typeof v !== 'object' ? String(v) : v.min === v.max ? String(v.min) : `${v.min}–${v.max}`;
const cell = (text: string) => text.replaceAll('|', '\\|');

/** How an assumption's value reads: shares as percentages, tables normalised to percentages. */
export function describeValue(a: A.Assumption, lang: Lang = 'en'): string {
  switch (a.kind) {
    case 'share':
      return percent(a.value, lang);
    case 'number':
      return lang === 'pl' ? String(a.value).replace('.', ',') : String(a.value);
    case 'range':
      return outcome(a.value);
    case 'weights': {
      const table: Weighted<string | number | A.IntRange> = a.value;
      const total = table.reduce((s, [, w]) => s + w, 0);
      // Codes are the values written in the population's columns, so they stay as written, in code type.
      const shown = (v: string | number | A.IntRange) => (typeof v === 'string' ? `\`${v}\`` : outcome(v));
      return table.map(([v, w]) => `${lang === 'pl' ? shown(v) : outcome(v)}: ${percent(w / total, lang)}`).join(', ');
    }
  }
}

const WORDS = {
  pl: {
    title: '# Populacja syntetyczna: założenia',
    seed: 'Ziarno',
    persons: 'Liczba osób',
    assessed: (d: string) => `Dzień oceny: ${formatDate(d, 'pl')} (każda data w populacji jest wcześniejsza)`,
    generator:
      'Generator: sfc32 z ziarnem przez splitmix32; to samo ziarno, liczba osób, dzień i wersja programu dają te same osoby.',
    intro: [
      'Te osoby są **syntetyczne**: żaden wiersz nie opisuje prawdziwej osoby, a udziały poniżej to prawdopodobne,',
      'zaokrąglone liczby wybrane do próbowania zmian przepisów, nie statystyki żadnego urzędu. Reprezentują klientów',
      'PUP i OPS, których dotyczą te programy. Każda osoba ma każdy fakt katalogu, żeby o każde pytanie można było',
      'zapytać całą populację; fakty o PAI, pracach społecznie użytecznych, CIS, KIS i spółdzielniach opisują miesiąc,',
      'edycję, program albo założenie, o które pytanie by dotyczyło. Kolumna `days_in_programme` jest u większości osób',
      'pusta (cały miesiąc). Udziały odnoszą się do wszystkich osób, chyba że wskazano grupę. Nazwy w `takim zapisie`',
      'to nazwy kolumn i wartości w pliku populacji.',
    ],
    carried: 'Fakty w pliku',
    switches: '## Co włącza dzień oceny',
    header: '| fakty | założenie | wartość | dlaczego |',
    drawn: 'losowany jak niżej',
    no: '`false`',
    notOn: (off: string) => `nie w tym dniu, więc ${off} u wszystkich`,
    spans: {
      profiles: (from: string, until: string) => `profile ustalane ${formatDate(from, 'pl')}…${formatDate(until, 'pl')}`,
      paiHistory: (from: string) => `edycje PAI ukończone od ${formatDate(from, 'pl')}`,
      paiRunning: (from: string, until: string) => `edycje PAI trwające ${formatDate(from, 'pl')}…${formatDate(until, 'pl')}`,
      reintegration: (from: string) => `reintegracja z art. 200 URP od ${formatDate(from, 'pl')}`,
    },
  },
  en: {
    title: '# Synthetic population: assumptions',
    seed: 'Seed',
    persons: 'Persons',
    assessed: (d: string) => `Assessed on: ${d} (every date generated is before this day)`,
    generator: 'Generator: sfc32 seeded through splitmix32; the same seed, size, date and program version give the same persons.',
    intro: [
      'These persons are **synthetic**: no row describes a real person, and the shares below are plausible',
      'round figures chosen for trying amendments, not statistics of any office. They stand for the clients of',
      'PUPs and OPSs whom these programmes concern. Every person carries every fact of the catalogue, so that any',
      'question can be asked about the whole population; the PAI, PSU, CIS/KIS and cooperative facts describe the',
      'month, edition, programme or founding that the question would be asked about. `days_in_programme` is',
      'absent (the whole month) for most persons. Shares are of all persons unless a group is named.',
    ],
    carried: 'Facts carried',
    switches: '## What the date switches on',
    header: '| facts | assumption | value | why |',
    drawn: 'drawn as below',
    no: 'false',
    notOn: (off: string) => `not on this date, so ${off} for everyone`,
    spans: {
      profiles: (from: string, until: string) => `profiles set ${from}…${until}`,
      paiHistory: (from: string) => `PAI editions completed from ${from}`,
      paiRunning: (from: string, until: string) => `PAI editions running ${from}…${until}`,
      reintegration: (from: string) => `art. 200 reintegration from ${from}`,
    },
  },
};

/** Which dated parts of the population apply on the date, in words. */
function dateNotes(date: string, lang: Lang): string[] {
  const w = WORDS[lang];
  const within = (from: string, until = '9999-12-31') => date >= from && date <= until;
  const note = (fact: string, span: string, on: boolean, off: string) =>
    `- \`${fact}\` (${span}): ${on ? w.drawn : w.notOn(off)}.`;
  return [
    note(
      'help_profile',
      w.spans.profiles(A.PROFILES_FROM, A.PROFILES_UNTIL),
      within(A.PROFILES_FROM, A.PROFILES_UNTIL),
      '`none`',
    ),
    note('pai_months_completed', w.spans.paiHistory(A.PAI_HISTORY_FROM), within(A.PAI_HISTORY_FROM), '0'),
    note('in_pai', w.spans.paiRunning(A.PAI_FROM, A.PAI_RUNNING_UNTIL), within(A.PAI_FROM, A.PAI_RUNNING_UNTIL), w.no),
    note('in_reintegration', w.spans.reintegration(A.REINTEGRATION_FROM), within(A.REINTEGRATION_FROM), w.no),
  ];
}

/**
 * The Markdown statement of what a synthetic population assumes: the seed, size and date, and every share and
 * distribution it was drawn from, with the reason for each, in Polish (the default) or English. Written beside
 * every generated file; the names of its columns and their values stay as the file writes them, in code type.
 */
export function populationAssumptions(options: PopulationOptions, lang: Lang = 'pl'): string {
  const w = WORDS[lang];
  const lines = [
    w.title,
    '',
    `- ${w.seed}: ${options.seed}`,
    `- ${w.persons}: ${options.size}`,
    `- ${w.assessed(options.date)}`,
    `- ${w.generator}`,
    '',
    ...w.intro,
    '',
    `${w.carried}: ${POPULATION_FACTS.map((f) => `\`${f}\``).join(', ')}.`,
    '',
    w.switches,
    '',
    ...dateNotes(options.date, lang),
  ];
  for (const { section, items } of A.ASSUMPTIONS) {
    lines.push('', `## ${section[lang]}`, '', w.header, '|---|---|---|---|');
    for (const a of items) {
      lines.push(
        `| ${a.facts.map((f) => `\`${f}\``).join(', ')} | ${cell(a.label[lang])} | ${cell(describeValue(a, lang))} | ${cell(a.why[lang])} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
