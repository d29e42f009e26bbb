import { css, html, nothing, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { choiceLabel, problemText, rangeText } from './fact-display.ts';
import { factFieldStyles } from './fact-field-styles.ts';
import {
  choiceValue,
  type FactDefinition,
  type FactDefinitions,
  type FieldValue,
  type FormState,
  isGiven,
  type RecordRow,
} from './fact-form-state.ts';
import { local } from './local-text.ts';
import type { RecordsChange, RiFactRecords } from './ri-fact-records.ts';
import { type FieldProblem, fieldProblems } from './validate-facts.ts';
import './ri-fact-records.ts';

/** Detail of `ri-fact-change`: one field's new value. */
export interface FactChange {
  fact: string;
  value: FieldValue;
}

/** Enumerations with this many values or fewer are radio buttons, longer ones a select. */
const MAX_RADIOS = 4;

/**
 * The form of the facts a version reads, built from the facts catalogue: labels and help, choices for
 * enumerations, yes/no/not given for booleans, numbers with their range, dates, checkboxes for lists, rows
 * for records. Controlled: it shows `values` and fires `ri-fact-change`; on submit it checks the values and
 * fires `ri-decide`, or marks the fields at fault and focuses the first.
 */
export class RiFactForm extends LocalizedElement {
  static override properties = {
    facts: { attribute: false },
    definitions: { attribute: false },
    required: { attribute: false },
    values: { attribute: false },
    missing: { attribute: false },
    busy: { type: Boolean },
    submitLabel: { type: String },
    problems: { state: true },
  };
  /** The facts the version reads, in its order. */
  declare facts: string[];
  declare definitions: FactDefinitions;
  /** The facts the version needs (no default, not optional). */
  declare required: string[];
  declare values: FormState;
  /** The facts the last answer said were missing; marked while still empty. */
  declare missing: string[];
  declare busy: boolean;
  /** The submit button's words, when the form asks for something else than a decision (a test case). */
  declare submitLabel: string;
  declare problems: Map<string, FieldProblem>;

  constructor() {
    super();
    this.facts = [];
    this.definitions = {};
    this.required = [];
    this.values = {};
    this.missing = [];
    this.busy = false;
    this.submitLabel = '';
    this.problems = new Map();
  }

  static override styles = [
    sharedStyles,
    factFieldStyles,
    css`
      input[type='number'] {
        width: 9rem;
      }
      select {
        max-width: 100%;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-top: 0.5rem;
      }
      .summary {
        margin: 0 0 1rem;
      }
    `,
  ];

  /** Moves focus to a fact's field (a checked choice, else its first control) and brings it into view. */
  focusFact(name: string): void {
    const box = this.renderRoot.querySelector<HTMLElement>(`[data-fact="${name}"]`);
    if (!box) return;
    const control =
      box.querySelector<HTMLElement>('input:checked') ?? box.querySelector<HTMLElement>('input, select, ri-fact-records');
    if (control instanceof HTMLElement && control.localName === 'ri-fact-records') (control as RiFactRecords).focusFirst();
    else control?.focus();
    box.scrollIntoView({ block: 'center' });
  }

  #set(fact: string, value: FieldValue): void {
    if (this.problems.has(fact)) {
      const problems = new Map(this.problems);
      problems.delete(fact);
      this.problems = problems;
    }
    this.dispatchEvent(new CustomEvent<FactChange>('ri-fact-change', { detail: { fact, value }, bubbles: true, composed: true }));
  }

  #submit(event: Event): void {
    event.preventDefault();
    const problems = fieldProblems(this.definitions, this.facts, this.values);
    // Text a number field could not read leaves its value empty; the browser still knows it was typed.
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="number"]')) {
      const fact = input.closest<HTMLElement>('[data-fact]')?.dataset.fact;
      if (fact && input.validity.badInput) problems.set(fact, { kind: 'number' });
    }
    this.problems = problems;
    const first = this.facts.find((f) => problems.has(f));
    if (first) {
      void this.updateComplete.then(() => this.focusFact(first));
      return;
    }
    this.dispatchEvent(new CustomEvent('ri-decide', { bubbles: true, composed: true }));
  }

  #reset(): void {
    this.problems = new Map();
    this.dispatchEvent(new CustomEvent('ri-facts-reset', { bubbles: true, composed: true }));
  }

  /** The message beside a field: a value that cannot be sent, or a fact the answer said is missing. */
  #problem(name: string, def: FactDefinition): string {
    const problem = this.problems.get(name);
    if (problem) return problemText(problem);
    return this.missing.includes(name) && !isGiven(def, this.values[name]) ? t('console.form.missing') : '';
  }

  #tags(name: string, def: FactDefinition): TemplateResult {
    return html`${this.required.includes(name) ? html`<span class="tag required">${t('console.form.required')}</span>` : nothing}
    ${def.optional ? html`<span class="tag">${t('console.form.optional')}</span>` : nothing}`;
  }

  /** The help text and the range, each with an id for aria-describedby. */
  #descriptions(name: string, def: FactDefinition, problem: string): { ids: string; html: TemplateResult } {
    const help = local(def.help);
    const range = rangeText(def);
    const ids = [help ? `${name}-help` : '', range ? `${name}-range` : '', problem ? `${name}-problem` : ''].filter(Boolean);
    return {
      ids: ids.join(' '),
      html: html`${help ? html`<p class="help" id="${name}-help">${help}</p>` : nothing}
      ${range ? html`<p class="help" id="${name}-range">${range}</p>` : nothing}
      ${problem ? html`<p class="problem" id="${name}-problem">${problem}</p>` : nothing}`,
    };
  }

  /** A group of radio buttons: yes/no/not given for a boolean, the values of a short enumeration. */
  #radios(name: string, def: FactDefinition, choices: { value: string; label: string }[], current: string): TemplateResult {
    const problem = this.#problem(name, def);
    const d = this.#descriptions(name, def, problem);
    return html`<fieldset class="group" data-fact=${name} aria-describedby=${d.ids || nothing} aria-invalid=${problem ? 'true' : nothing}>
      <legend>${local(def.label)} ${this.#tags(name, def)}</legend>
      ${d.html}
      <div class="choices">
        ${choices.map(
          (c, i) => html`<label class="choice" for="${name}-${i}">
            <input
              type="radio"
              id="${name}-${i}"
              name=${name}
              .value=${c.value}
              .checked=${c.value === current}
              @change=${() => this.#set(name, choiceValue(def, c.value))}
            />
            ${c.label}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #boolean(name: string, def: FactDefinition): TemplateResult {
    const v = this.values[name];
    const current = typeof v === 'boolean' ? String(v) : '';
    return this.#radios(
      name,
      def,
      [
        { value: 'true', label: t('console.yes') },
        { value: 'false', label: t('console.no') },
        { value: '', label: t('console.form.notGivenOption') },
      ],
      current,
    );
  }

  #enum(name: string, def: FactDefinition): TemplateResult {
    const v = this.values[name];
    const current = typeof v === 'string' ? v : '';
    const values = def.values ?? [];
    // A fact with a default is always given; without one, "not given" is a choice of its own.
    const canLeaveOut = def.default === undefined;
    if (values.length <= MAX_RADIOS) {
      const choices = values.map((value) => ({ value, label: choiceLabel(name, value, def.value_labels) }));
      if (canLeaveOut) choices.push({ value: '', label: t('console.form.notGivenOption') });
      return this.#radios(name, def, choices, current);
    }
    const problem = this.#problem(name, def);
    const d = this.#descriptions(name, def, problem);
    return html`<div class="field" data-fact=${name}>
      <label for="fact-${name}">${local(def.label)} ${this.#tags(name, def)}</label>
      ${d.html}
      <select
        id="fact-${name}"
        aria-describedby=${d.ids || nothing}
        aria-invalid=${problem ? 'true' : nothing}
        @change=${(e: Event) => this.#set(name, (e.target as HTMLSelectElement).value || undefined)}
      >
        ${canLeaveOut ? html`<option value="" ?selected=${current === ''}>${t('console.form.chooseOption')}</option>` : nothing}
        ${values.map((value) => html`<option value=${value} ?selected=${value === current}>${choiceLabel(name, value, def.value_labels)}</option>`)}
      </select>
    </div>`;
  }

  /** Numbers, integers and dates: one input. */
  #input(name: string, def: FactDefinition): TemplateResult {
    const v = this.values[name];
    const problem = this.#problem(name, def);
    const d = this.#descriptions(name, def, problem);
    const number = def.type !== 'date';
    return html`<div class="field" data-fact=${name}>
      <label for="fact-${name}">${local(def.label)} ${this.#tags(name, def)}</label>
      ${d.html}
      <input
        id="fact-${name}"
        type=${number ? 'number' : 'text'}
        inputmode=${number ? (def.type === 'integer' ? 'numeric' : 'decimal') : 'numeric'}
        placeholder=${number ? nothing : t('console.day.placeholder')}
        autocomplete=${number ? nothing : 'off'}
        min=${def.min ?? nothing}
        max=${def.max ?? nothing}
        step=${number ? (def.type === 'integer' ? '1' : 'any') : nothing}
        .value=${typeof v === 'string' ? v : ''}
        aria-describedby=${d.ids || nothing}
        aria-invalid=${problem ? 'true' : nothing}
        @input=${(e: Event) => this.#set(name, (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  #list(name: string, def: FactDefinition): TemplateResult {
    const v = this.values[name];
    const ticked = Array.isArray(v) ? (v as string[]) : [];
    const problem = this.#problem(name, def);
    const d = this.#descriptions(name, def, problem);
    const values = def.values ?? [];
    const toggle = (value: string, on: boolean) =>
      // Keep the catalogue's order, so the request reads the same however the boxes were ticked.
      this.#set(
        name,
        values.filter((x) => (x === value ? on : ticked.includes(x))),
      );
    return html`<fieldset class="group" data-fact=${name} aria-describedby=${d.ids || nothing} aria-invalid=${problem ? 'true' : nothing}>
      <legend>${local(def.label)} ${this.#tags(name, def)}</legend>
      ${d.html}
      <div class="choices column">
        ${values.map(
          (value, i) => html`<label class="choice" for="${name}-${i}">
            <input
              type="checkbox"
              id="${name}-${i}"
              .checked=${ticked.includes(value)}
              @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)}
            />
            ${choiceLabel(name, value, def.value_labels)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #records(name: string, def: FactDefinition): TemplateResult {
    const v = this.values[name];
    return html`<div data-fact=${name}>
      <ri-fact-records
        .fact=${name}
        .definition=${def}
        .rows=${Array.isArray(v) ? (v as RecordRow[]) : []}
        ?required=${this.required.includes(name)}
        .problem=${this.#problem(name, def)}
        @ri-records-change=${(e: CustomEvent<RecordsChange>) => {
          e.stopPropagation();
          this.#set(name, e.detail.rows);
        }}
      ></ri-fact-records>
    </div>`;
  }

  #field(name: string): TemplateResult {
    const def = this.definitions[name];
    if (!def) return html`<p class="alert">${t('console.form.unknownFact', { name })}</p>`;
    switch (def.type) {
      case 'boolean':
        return this.#boolean(name, def);
      case 'enum':
        return this.#enum(name, def);
      case 'number':
      case 'integer':
      case 'date':
        return this.#input(name, def);
      case 'list':
        return this.#list(name, def);
      case 'records':
        return this.#records(name, def);
    }
  }

  override render(): TemplateResult {
    const count = this.problems.size;
    return html`<form novalidate @submit=${this.#submit} aria-labelledby="facts-title">
      <h2 id="facts-title">${t('console.form.title')}</h2>
      ${this.facts.length ? html`<p class="help">${t('console.form.intro')}</p>` : html`<p>${t('console.form.none')}</p>`}
      <div role="alert">${count ? html`<p class="alert">${t('console.form.problems', { count })}</p>` : nothing}</div>
      ${this.facts.map((name) => this.#field(name))}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('console.form.busy') : this.submitLabel || t('console.form.submit')}</button>
        ${this.facts.length ? html`<button type="button" class="secondary" @click=${this.#reset}>${t('console.form.reset')}</button>` : nothing}
      </div>
    </form>`;
  }
}

customElements.define('ri-fact-form', RiFactForm);

declare global {
  interface HTMLElementTagNameMap {
    'ri-fact-form': RiFactForm;
  }
}
