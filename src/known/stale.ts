import type { Catalogue } from '../catalogue/catalogue.ts';
import type { ParameterLookup, ParameterRegistry } from '../catalogue/parameters.ts';
import { formatParameterValue } from '../decide/parameter-texts.ts';
import type { AnswerCaveat } from '../schema/answer.ts';
import type { UpdateRhythm } from '../schema/parameters.ts';
import { formatDate, type Lang } from '../text/format.ts';

/** The first day after `from` on which the law makes a new value due (e.g. the next 1 June). */
export function nextUpdate(from: string, rhythm: UpdateRhythm): string {
  const year = Number(from.slice(0, 4));
  const sameYear = `${from.slice(0, 4)}-${rhythm.on}`;
  return sameYear > from ? sameYear : `${String(year + 1).padStart(4, '0')}-${rhythm.on}`;
}

/** The day a new value of the parameter was due by `date` and is missing, or undefined when the value is current. */
export function dueSince(
  parameters: ParameterRegistry,
  id: string,
  date: string,
): { row: ParameterLookup; due: string } | undefined {
  const rhythm = parameters.get(id)?.updates;
  const row = parameters.lookup(id, date);
  if (!rhythm || !row) return undefined;
  const due = nextUpdate(row.from, rhythm);
  return due <= date ? { row, due } : undefined;
}

/** The caveat of an answer that uses a value past its next expected update: the amount is not confirmed for the day. */
export function staleCaveat(catalogue: Catalogue, id: string, row: ParameterLookup, due: string): AnswerCaveat {
  const label = catalogue.parameters.get(id)?.label ?? { pl: id, en: id };
  const text = (lang: Lang) => {
    const value = formatParameterValue(row.value.toNumber(), row.unit, lang);
    return lang === 'pl'
      ? `Kwota nie została potwierdzona na ten dzień: „${label.pl}” przyjęto w wysokości obowiązującej od ${formatDate(row.from, 'pl')} (${value}), a nowa wartość należała się od ${formatDate(due, 'pl')}; sprawdź ją w źródle urzędowym (Dziennik Ustaw, Monitor Polski).`
      : `The amount is not confirmed for this day: "${label.en}" is taken as in force from ${formatDate(row.from, 'en')} (${value}), but a new value was due from ${formatDate(due, 'en')}; check it against the official source (Dziennik Ustaw, Monitor Polski).`;
  };
  return { code: 'PARAMETER_NOT_CONFIRMED', text: { pl: text('pl'), en: text('en') } };
}

/** A parameter whose next value is due and not yet entered, as `reintegra stale` and the API list it. */
export interface StaleParameter {
  id: string;
  label: { pl: string; en: string };
  /** The row in use, from when, and its value. */
  from: string;
  value: number;
  unit: string;
  /** The day a new value was due. */
  due: string;
  last_verified_on?: string;
}

/** Every parameter with an update rhythm whose next value is due by `day` and not entered, soonest due first. */
export function staleParameters(parameters: ParameterRegistry, day: string): StaleParameter[] {
  const out: StaleParameter[] = [];
  for (const id of parameters.ids()) {
    const found = dueSince(parameters, id, day);
    const def = parameters.get(id);
    if (!found || !def) continue;
    out.push({
      id,
      label: def.label,
      from: found.row.from,
      value: found.row.value.toNumber(),
      unit: def.unit,
      due: found.due,
      ...(def.last_verified_on ? { last_verified_on: def.last_verified_on } : {}),
    });
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id.localeCompare(b.id)));
}
