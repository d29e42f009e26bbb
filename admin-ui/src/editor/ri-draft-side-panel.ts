import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import type { Catalogue } from './completions.ts';
import { loadConditionBuilder, loadParametersTable } from './embedded-parts.ts';
import { rulesIn } from './rules-in-text.ts';

/** How far an embedded part (condition builder, parameters table) has loaded. */
type PartState = 'loading' | 'ready' | 'failed';

/**
 * The panel beside the draft's text: the condition builder for the rule chosen in its list or under the cursor,
 * or the parameters table for a parameters file, each loaded on demand. Their edits come out as `yaml-change`
 * with the whole new text as `detail.yaml`.
 */
export class RiDraftSidePanel extends LocalizedElement {
  static override properties = {
    text: { attribute: false },
    catalogue: { attribute: false },
    parameters: { type: Boolean },
    cursorRule: { type: String },
    pickedRule: { state: true },
    embedded: { state: true },
  };
  /** The draft's text as it is in the editor now. */
  declare text: string;
  declare catalogue: Catalogue | undefined;
  /** The draft is a parameters file: the table, not the builder. */
  declare parameters: boolean;
  /** The id of the rule under the cursor. */
  declare cursorRule: string | undefined;
  /** The rule chosen in the list, which wins over the cursor; '' to follow the cursor. */
  declare pickedRule: string;
  declare embedded: PartState;

  constructor() {
    super();
    this.text = '';
    this.catalogue = undefined;
    this.parameters = false;
    this.cursorRule = undefined;
    this.pickedRule = '';
    this.embedded = 'loading';
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        align-self: start;
      }
      .side {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin-top: 1.5rem;
      }
      .side h2 {
        margin-top: 0;
      }
      select {
        max-width: 100%;
        margin-bottom: 0.75rem;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('parameters')) void this.#loadPart();
  }

  async #loadPart(): Promise<void> {
    try {
      await (this.parameters ? loadParametersTable() : loadConditionBuilder());
      this.embedded = 'ready';
    } catch {
      this.embedded = 'failed';
    }
  }

  #onYamlChange(e: CustomEvent<{ yaml: string }>): void {
    // The table's own event crosses shadow roots: stopped here, so that the page hears each edit once, from the panel.
    e.stopPropagation();
    if (typeof e.detail?.yaml === 'string')
      this.dispatchEvent(new CustomEvent('yaml-change', { detail: { yaml: e.detail.yaml } }));
  }

  /** What stands in the embedded part's place while it loads, or when it failed to load. */
  #partNote(): TemplateResult | undefined {
    if (this.embedded === 'ready') return undefined;
    if (this.embedded === 'loading') return html`<p role="status">${t('app.loading')}</p>`;
    return html`<p class="muted">${t('route.loadFailed')}</p>`;
  }

  #parametersTable(): TemplateResult {
    return html`<section class="side" aria-labelledby="side-title">
      <h2 id="side-title">${t('editor.parameters.title')}</h2>
      ${this.#partNote() ?? html`<ri-parameters-table .yaml=${this.text} .catalogue=${this.catalogue} @yaml-change=${this.#onYamlChange}></ri-parameters-table>`}
    </section>`;
  }

  override render(): TemplateResult {
    if (this.parameters) return this.#parametersTable();
    const rules = rulesIn(this.text);
    const ruleId = this.pickedRule || this.cursorRule || rules[0]?.id || '';
    // The builder heads itself; until it is there, the panel says what it is.
    const note = this.#partNote();
    return html`<section class="side" aria-label=${t('editor.builder.title')}>
      ${note ? html`<h2>${t('editor.builder.title')}</h2>` : nothing}
      <label for="rule-pick">${t('editor.builder.rule')}</label>
      <select id="rule-pick" @change=${(e: Event) => (this.pickedRule = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.pickedRule}>
          ${this.cursorRule ? t('editor.builder.atCursor', { id: this.cursorRule }) : t('editor.builder.followCursor')}
        </option>
        ${rules.map((r) => html`<option value=${r.id} ?selected=${this.pickedRule === r.id}>${r.id}</option>`)}
      </select>
      ${
        note ??
        (ruleId
          ? html`<ri-condition-builder
              .yaml=${this.text}
              .ruleId=${ruleId}
              .catalogue=${this.catalogue}
              @yaml-change=${this.#onYamlChange}
            ></ri-condition-builder>`
          : html`<p>${t('editor.builder.noRules')}</p>`)
      }
    </section>`;
  }
}

customElements.define('ri-draft-side-panel', RiDraftSidePanel);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-side-panel': RiDraftSidePanel;
  }
}
