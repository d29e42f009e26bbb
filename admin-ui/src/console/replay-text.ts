import { t } from '../shared/i18n/translate.ts';
import { formatAmounts, formatValue, type OutcomeLabels, outcomeLabel, shortHash, valueLabel } from './answer-text.ts';
import { factLabel, messageOr } from './fact-display.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { local } from './local-text.ts';

/** What the replay text needs: the facts' labels and the outcomes' labels. */
export interface ReplayContext {
  definitions: FactDefinitions;
  outcomes: OutcomeLabels;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The name of a field of the answer that a replay compares ("amounts" → "kwoty"). */
export function changeFieldLabel(field: string): string {
  return messageOr(`console.replay.field.${field}`, field);
}

/** One side of a changed field of the answer, in words: an outcome's label, amounts in złoty, facts by label. */
export function changeValueText(field: string, value: unknown, ctx: ReplayContext): string {
  const none = t('console.replay.none');
  switch (field) {
    case 'outcome':
      return typeof value === 'string' ? outcomeLabel(ctx.outcomes, value) : none;
    case 'amounts':
      return isRecord(value) ? formatAmounts(value as Record<string, number>) || none : none;
    case 'values':
      return isRecord(value) && Object.keys(value).length
        ? Object.entries(value)
            .map(([name, v]) => `${valueLabel(name)}: ${formatValue(name, v)}`)
            .join('; ')
        : none;
    case 'missing':
      return Array.isArray(value) && value.length ? value.map((f) => factLabel(ctx.definitions, String(f))).join(', ') : none;
    case 'caveats':
      return Array.isArray(value) && value.length
        ? value
            .map((c) => (isRecord(c) && isRecord(c.text) ? local({ pl: String(c.text.pl), en: String(c.text.en) }) : String(c)))
            .join(' ')
        : none;
    case 'ruleset':
      return isRecord(value)
        ? t('console.replay.ruleset', {
            version: typeof value.version === 'string' ? value.version : none,
            hash: shortHash(typeof value.hash === 'string' ? value.hash : null),
          })
        : none;
    default:
      return value === undefined ? none : JSON.stringify(value);
  }
}
