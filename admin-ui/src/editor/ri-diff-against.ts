import { css, html, type TemplateResult } from 'lit';
import { formatDate } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { choiceStyles } from '../shared/styles/choices.ts';

/** What a draft's diff is against: the published file it started from, or the version in force on its date. */
export type DiffAgainst = 'base' | 'in_force';

/**
 * The choice of what the draft is compared with, as two radio buttons; a change fires `ri-diff-against-change`
 * with the choice as its detail.
 */
export class RiDiffAgainst extends LocalizedElement {
  static override properties = {
    value: { type: String },
    validFrom: { type: String },
  };
  declare value: DiffAgainst;
  /** The saved draft's valid_from, '' when it cannot be read. */
  declare validFrom: string;

  constructor() {
    super();
    this.value = 'base';
    this.validFrom = '';
  }

  static override styles = [
    sharedStyles,
    choiceStyles,
    css`
      fieldset {
        border: 1px solid #b7cde0;
        padding: 0.5rem 1rem 0.75rem;
        margin: 0 0 0.5rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
    `,
  ];

  #choose(value: DiffAgainst): void {
    this.value = value;
    this.dispatchEvent(new CustomEvent<DiffAgainst>('ri-diff-against-change', { detail: value }));
  }

  #radio(value: DiffAgainst, label: string): TemplateResult {
    return html`<label>
      <input type="radio" name="against" value=${value} .checked=${this.value === value} @change=${() => this.#choose(value)} />
      ${label}
    </label>`;
  }

  override render(): TemplateResult {
    const inForce = this.validFrom
      ? t('editor.diff.againstInForce', { date: formatDate(this.validFrom) })
      : t('editor.diff.againstInForceUndated');
    return html`<fieldset>
      <legend>${t('editor.diff.compareWith')}</legend>
      <div class="choices">${this.#radio('in_force', inForce)} ${this.#radio('base', t('editor.diff.againstBase'))}</div>
    </fieldset>`;
  }
}

customElements.define('ri-diff-against', RiDiffAgainst);

declare global {
  interface HTMLElementTagNameMap {
    'ri-diff-against': RiDiffAgainst;
  }
}
