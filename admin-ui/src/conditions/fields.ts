import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import type { ConditionName, ValueKind } from './names.ts';
import { expressionProblem, type FieldProblem } from './validate.ts';
import type { FieldValue } from './values.ts';

/** The message of a field's problem, the parser's own words kept (in English) after the catalogue's sentence. */
export function problemMessage(p: FieldProblem): TemplateResult {
  switch (p.key) {
    case 'conditions.error.empty':
      return html`${t(p.key)}`;
    case 'conditions.error.syntax':
      return html`${t(p.key, { column: p.column })} <span lang="en">${p.detail}</span>`;
    case 'conditions.error.unknownName':
      return html`${t(p.key, { name: p.name })}`;
  }
}

/** A problem shown under its field, which points at it with aria-describedby. */
export function problemLine(id: string, p: FieldProblem | undefined): TemplateResult | typeof nothing {
  return p ? html`<p id=${id} class=${p.severity}>${problemMessage(p)}</p>` : nothing;
}

/** A free expression field, checked with the core parser and the known names as the user types. */
export function expressionField(
  id: string,
  label: string,
  value: string,
  known: ReadonlySet<string>,
  onInput: (text: string) => void,
): TemplateResult {
  const problem = expressionProblem(value, known);
  return html`<label for=${id}>${label}</label>
    <input id=${id} type="text" spellcheck="false" autocomplete="off" .value=${value}
      aria-invalid=${problem?.severity === 'error' ? 'true' : 'false'} aria-describedby=${problem ? `${id}-problem` : nothing}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
    ${problemLine(`${id}-problem`, problem)}`;
}

const EMPTY: FieldProblem = { key: 'conditions.error.empty', severity: 'error' };

/**
 * The typed field of a comparison's right side: a select of an enumeration's values, checkboxes for `in`,
 * yes / no, a number or a date input. Numbers and dates are taken on `change`, so a half-typed `12.` is not rewritten.
 */
export function valueField(
  id: string,
  kind: Exclude<ValueKind, 'free'>,
  value: FieldValue,
  left: ConditionName | undefined,
  onValue: (value: FieldValue) => void,
): TemplateResult {
  const empty = Array.isArray(value) ? value.length === 0 : value === '';
  const described = empty ? `${id}-problem` : nothing;
  const invalid = empty ? 'true' : 'false';
  const picked = (e: Event) => onValue((e.target as HTMLInputElement | HTMLSelectElement).value);
  const problem = problemLine(`${id}-problem`, empty ? EMPTY : undefined);
  const values = left?.fact?.values ?? [];
  switch (kind) {
    case 'enum-list': {
      const chosen = Array.isArray(value) ? value : [value];
      const toggle = (v: string, on: boolean) => onValue(on ? [...chosen, v] : chosen.filter((c) => c !== v));
      return html`<fieldset class="values" aria-describedby=${described}>
          <legend>${t('conditions.right.values')}</legend>
          ${values.map(
            (v) => html`<label class="check"><input type="checkbox" .checked=${chosen.includes(v)}
              @change=${(e: Event) => toggle(v, (e.target as HTMLInputElement).checked)} /> ${v}</label>`,
          )}
        </fieldset>
        ${problem}`;
    }
    case 'enum':
    case 'boolean': {
      const options =
        kind === 'enum'
          ? values.map((v) => [v, v] as const)
          : ([
              ['true', t('conditions.bool.true')],
              ['false', t('conditions.bool.false')],
            ] as const);
      return html`<label for=${id}>${t('conditions.right')}</label>
        <select id=${id} aria-invalid=${invalid} aria-describedby=${described} @change=${picked}>
          <option value="" ?selected=${empty}>${t('conditions.left.choose')}</option>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${value === v}>${text}</option>`)}
        </select>
        ${problem}`;
    }
    case 'number': {
      const fact = left?.fact;
      const step = fact?.type === 'integer' ? '1' : 'any';
      return html`<label for=${id}>${t('conditions.right')}</label>
        <input id=${id} type="number" step=${step} min=${fact?.min ?? nothing} max=${fact?.max ?? nothing} .value=${String(value)}
          aria-invalid=${invalid} aria-describedby=${described} @change=${picked} />
        ${problem}`;
    }
    case 'date':
      return html`<label for=${id}>${t('conditions.right')}</label>
        <input id=${id} type="date" .value=${String(value)} aria-invalid=${invalid} aria-describedby=${described} @change=${picked} />
        ${problem}`;
  }
}
