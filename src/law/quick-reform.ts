import { isMap, isSeq, parseDocument } from 'yaml';
import type { Library } from '../library.ts';
import type { LocalText } from '../schema/common.ts';
import { formatDate, formatMoney, formatNumber, type Lang } from '../text/format.ts';
import { LAW_ROOT } from './law-files.ts';

/** A reform of one number: a parameter the question's rules read takes a new value from a day on. */
export interface QuickReform {
  question: string;
  parameter: string;
  value: number;
  from: string;
}

/** Why a quick reform cannot be written, naming the field to fix. */
export class QuickReformError extends Error {
  constructor(
    readonly field: keyof QuickReform,
    message: string,
  ) {
    super(message);
  }
}

/** What a quick reform writes: the parameters file with its new row and a proposal rule set to trial it under. */
export interface QuickReformFiles {
  title: LocalText;
  before: number | undefined;
  parametersFile: { path: string; yaml: string };
  proposal: { yaml: string; basedOn: string };
}

/** A parameter's value as a person reads it: `120 %`, `4 666,00 zł`, or the plain number. */
export function parameterValueText(value: number, unit: string, lang: Lang): string {
  if (unit === 'PLN') return formatMoney(value, lang);
  if (unit === 'percent') return `${formatNumber(value, lang)}\u00a0%`;
  return formatNumber(value, lang);
}

/** The parameters a question's rules read on a day (the version in force then), as the quick-reform form offers them. */
export function reformableParameters(library: Library, question: string, date: string): string[] {
  return library.versionOn(question, date)?.parameters ?? [];
}

/**
 * Writes a quick reform as files of a proposal change set: the parameter's file with a new dated row (rows from that
 * day on are replaced: the reform holds from then), and the question's rule set in force on that day copied as a
 * proposal titled with the change. Structural reforms are written in the editor instead.
 */
export function quickReformFiles(
  library: Library,
  files: readonly { path: string; text: string }[],
  reform: QuickReform,
): QuickReformFiles {
  const version = library.versionOn(reform.question, reform.from);
  if (!version) throw new QuickReformError('question', `${reform.question} has no version in force on ${reform.from}`);
  if (!version.parameters.includes(reform.parameter))
    throw new QuickReformError(
      'parameter',
      `the rules of ${reform.question} in force on ${reform.from} do not read ${reform.parameter}`,
    );
  const def = library.catalogue.parameters.get(reform.parameter);
  if (!def) throw new QuickReformError('parameter', `${reform.parameter} is not in the catalogue`);
  const before = library.catalogue.parameters.lookup(reform.parameter, reform.from)?.value.toNumber();

  const paramFile = files.find(
    (f) => f.path.startsWith(`${LAW_ROOT}parameters/`) && parseDocument(f.text).hasIn(['parameters', reform.parameter]),
  );
  if (!paramFile) throw new QuickReformError('parameter', `no parameters file declares ${reform.parameter}`);
  const text = (lang: Lang) =>
    `${def.label[lang]}: ${before === undefined ? '' : `${parameterValueText(before, def.unit, lang)} → `}${parameterValueText(reform.value, def.unit, lang)} ${lang === 'pl' ? 'od' : 'from'} ${formatDate(reform.from, lang)}`;
  const change = { pl: text('pl'), en: text('en') };
  const title = { pl: `PROJEKT: ${change.pl}`, en: `PROPOSAL: ${change.en}` };

  const doc = parseDocument(paramFile.text);
  const values = doc.getIn(['parameters', reform.parameter, 'values']);
  if (!isSeq(values)) throw new QuickReformError('parameter', `${reform.parameter} has no list of values`);
  values.items = values.items.filter((item) => !(isMap(item) && String(item.get('from')) >= reform.from));
  values.add(
    doc.createNode({
      from: reform.from,
      value: reform.value,
      basis: 'Projekt zmiany (szybka reforma)',
      confidence: 'uncertain',
      note: `A proposed value, never law: ${change.en}.`,
      note_pl: `Wartość projektowana, nie prawo obowiązujące: ${change.pl}.`,
    }),
  );

  const source = files.find((f) => f.path === `${LAW_ROOT}${reform.question}/${version.validFrom}.yaml`);
  if (!source) throw new QuickReformError('question', `the file of ${reform.question} ${version.validFrom} is not published`);
  const rules = parseDocument(source.text);
  rules.set('title', rules.createNode(title));
  rules.set('kind', 'proposal');
  rules.set('note', `A quick reform: the rules in force from ${version.validFrom}, unchanged but for one value — ${change.en}.`);
  rules.set(
    'note_pl',
    `Szybka reforma: przepisy obowiązujące od ${formatDate(version.validFrom, 'pl')} bez zmian poza jedną wartością — ${change.pl}.`,
  );
  return {
    title,
    before,
    parametersFile: { path: paramFile.path, yaml: doc.toString() },
    proposal: { yaml: rules.toString(), basedOn: version.validFrom },
  };
}
