import { language } from '../shared/i18n/language.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import type { Catalogue } from './types.ts';

/** An outcome in words from the catalogue (`nie przysługuje`), or its code when the catalogue lacks it. */
export function outcomeLabel(code: string, catalogue: Catalogue | undefined): string {
  return catalogue?.outcomes[code]?.[language()] ?? code;
}

/** A fact's label from the catalogue (`Okres w CIS`), or its name. */
export function factLabel(fact: string, catalogue: Catalogue | undefined): string {
  return catalogue?.facts[fact]?.label[language()] ?? fact;
}

/** An amount's name in words (`trials.amount.<name>` in the message catalogue), or its code. */
export function amountLabel(name: string): string {
  const key = `trials.amount.${name}`;
  return isMessageKey(key) ? translate(key) : name;
}

/** A kind of change as the server names it: an outcome changing, or money or values changing within one. */
export type ChangeKind = { type: 'outcome'; from: string; to: string } | { type: 'gains' | 'loses' | 'values'; outcome: string };

/** Reads a kind of change (`not_payable → payable`, `payable: gains`, `payable: loses`, `payable: values change`). */
export function parseKind(kind: string): ChangeKind | undefined {
  const move = /^(.+) → (.+)$/.exec(kind);
  if (move) return { type: 'outcome', from: move[1] ?? '', to: move[2] ?? '' };
  const within = /^(.+): (gains|loses|values change)$/.exec(kind);
  if (!within) return undefined;
  const type = within[2] === 'gains' ? 'gains' : within[2] === 'loses' ? 'loses' : 'values';
  return { type, outcome: within[1] ?? '' };
}

/** A kind of change in words: `nie przysługuje → przysługuje`, `przysługuje, kwota rośnie`. */
export function kindLabel(kind: string, catalogue: Catalogue | undefined): string {
  const k = parseKind(kind);
  if (!k) return kind;
  if (k.type === 'outcome') return `${outcomeLabel(k.from, catalogue)} → ${outcomeLabel(k.to, catalogue)}`;
  const outcome = outcomeLabel(k.outcome, catalogue);
  if (k.type === 'gains') return t('trials.kind.gains', { outcome });
  if (k.type === 'loses') return t('trials.kind.loses', { outcome });
  return t('trials.kind.values', { outcome });
}

/** A value of a fact as a breakdown shows it: yes/no for booleans, words for the server's absent and empty cells. */
export function factValueLabel(value: string): string {
  if (value === '(absent)') return t('trials.breakdown.absent');
  if (value === '(none)') return t('trials.breakdown.none');
  if (value === 'true') return t('trials.value.true');
  if (value === 'false') return t('trials.value.false');
  return value;
}
