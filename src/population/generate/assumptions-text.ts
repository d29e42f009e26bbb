import * as A from './assumptions.ts';
import { POPULATION_FACTS, type PopulationOptions } from './generate-population.ts';
import type { Weighted } from './prng.ts';

const percent = (x: number) => `${Number((x * 100).toFixed(1))} %`;
const outcome = (v: string | number | A.IntRange) =>
  typeof v !== 'object' ? String(v) : v.min === v.max ? String(v.min) : `${v.min}–${v.max}`;
const cell = (text: string) => text.replaceAll('|', '\\|');

/** How an assumption's value reads: shares as percentages, tables normalised to percentages. */
export function describeValue(a: A.Assumption): string {
  switch (a.kind) {
    case 'share':
      return percent(a.value);
    case 'number':
      return String(a.value);
    case 'range':
      return outcome(a.value);
    case 'weights': {
      const table: Weighted<string | number | A.IntRange> = a.value;
      const total = table.reduce((s, [, w]) => s + w, 0);
      return table.map(([v, w]) => `${outcome(v)}: ${percent(w / total)}`).join(', ');
    }
  }
}

/** Which dated parts of the population apply on the date, in words. */
function dateNotes(date: string): string[] {
  const within = (from: string, until = '9999-12-31') => date >= from && date <= until;
  const note = (fact: string, span: string, on: boolean, off: string) =>
    `- \`${fact}\` (${span}): ${on ? 'drawn as below' : `not on this date, so ${off} for everyone`}.`;
  return [
    note(
      'help_profile',
      `profiles set ${A.PROFILES_FROM}…${A.PROFILES_UNTIL}`,
      within(A.PROFILES_FROM, A.PROFILES_UNTIL),
      '`none`',
    ),
    note('pai_months_completed', `PAI editions completed from ${A.PAI_HISTORY_FROM}`, within(A.PAI_HISTORY_FROM), '0'),
    note('in_pai', `PAI editions running ${A.PAI_FROM}…${A.PAI_RUNNING_UNTIL}`, within(A.PAI_FROM, A.PAI_RUNNING_UNTIL), 'false'),
    note('in_reintegration', `art. 200 reintegration from ${A.REINTEGRATION_FROM}`, within(A.REINTEGRATION_FROM), 'false'),
  ];
}

/**
 * The Markdown statement of what a synthetic population assumes: the seed, size and date, and every share and
 * distribution it was drawn from, with the reason for each. Written beside every generated file.
 */
export function populationAssumptions(options: PopulationOptions): string {
  const lines = [
    '# Synthetic population: assumptions',
    '',
    `- Seed: ${options.seed}`,
    `- Persons: ${options.size}`,
    `- Assessed on: ${options.date} (every date generated is before this day)`,
    '- Generator: sfc32 seeded through splitmix32; the same seed, size, date and program version give the same persons.',
    '',
    'These persons are **synthetic**: no row describes a real person, and the shares below are plausible',
    'round figures chosen for trying amendments, not statistics of any office. They stand for the clients of',
    'PUPs and OPSs whom these programmes concern. Every person carries every fact of the catalogue, so that any',
    'question can be asked about the whole population; the PAI, PSU, CIS/KIS and cooperative facts describe the',
    'month, edition, programme or founding that the question would be asked about. `days_in_programme` is',
    'absent (the whole month) for most persons. Shares are of all persons unless a group is named.',
    '',
    `Facts carried: ${POPULATION_FACTS.map((f) => `\`${f}\``).join(', ')}.`,
    '',
    '## What the date switches on',
    '',
    ...dateNotes(options.date),
  ];
  for (const { section, items } of A.ASSUMPTIONS) {
    lines.push('', `## ${section}`, '', '| facts | assumption | value | why |', '|---|---|---|---|');
    for (const a of items) {
      lines.push(
        `| ${a.facts.map((f) => `\`${f}\``).join(', ')} | ${cell(a.label)} | ${cell(describeValue(a))} | ${cell(a.why)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
