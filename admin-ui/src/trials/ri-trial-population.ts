import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { choiceStyles } from '../shared/styles/choices.ts';
import { formatBytes } from './format.ts';
import { countRowsStreamed, formatOfFile } from './population-file.ts';
import type { PopulationChoice, TrialLimits } from './types.ts';

/** A population file chosen in the browser: a handle on it and its rows, counted as a stream. */
interface ReadFile {
  name: string;
  bytes: number;
  blob: Blob;
  rows: number;
  format: 'csv' | 'jsonl';
}

/** The largest seed the generator takes (2^32 − 1). */
const MAX_SEED = 0xffffffff;

/**
 * Where a trial's persons come from: a synthetic population the server draws (size and seed), or a CSV or
 * JSON Lines file streamed to the server (never read whole here), refused at once when it is over the server's upload limit.
 * The form asks {@link RiTrialPopulation.choice} on submit.
 */
export class RiTrialPopulation extends LocalizedElement {
  static override properties = {
    limits: { attribute: false },
    source: { state: true },
    file: { state: true },
    reading: { state: true },
    fileError: { state: true },
  };
  /** The server's limits; the body limit is checked once they are known. */
  declare limits: TrialLimits | undefined;
  declare source: 'generate' | 'upload';
  declare file: ReadFile | undefined;
  declare reading: boolean;
  declare fileError: string;

  constructor() {
    super();
    this.limits = undefined;
    this.source = 'generate';
    this.file = undefined;
    this.reading = false;
    this.fileError = '';
  }

  static override styles = [
    sharedStyles,
    choiceStyles,
    css`
      fieldset {
        border: 1px solid #b7cde0;
        padding: 0.75rem 1rem 1rem;
        margin: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .choices {
        margin-bottom: 0.75rem;
      }
      .check {
        margin-top: 0.75rem;
      }
      .check input {
        width: auto;
        margin-right: 0.4rem;
      }
      .check label {
        display: inline;
      }
      .fields {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 1.5rem;
        align-items: flex-start;
      }
      .hint {
        font-size: 0.9rem;
        color: #4a5257;
        margin: 0.25rem 0 0;
      }
      input[type='file'] {
        border-style: dashed;
        max-width: 100%;
      }
      .info {
        margin: 0.5rem 0 0;
      }
      .alert {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  #input(id: string): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  /** The chosen population, or undefined after showing the user what is missing or wrong (and focusing it). */
  choice(): PopulationChoice | undefined {
    if (this.source === 'generate') {
      const size = this.#input('size');
      const seed = this.#input('seed');
      for (const input of [size, seed]) if (input && !input.reportValidity()) return undefined;
      const n = Number(size?.value);
      const weighted = this.#input('weighted')?.checked ?? true;
      return { population: { generate: { size: n, seed: Number(seed?.value), weighted } }, rows: n };
    }
    if (this.fileError || !this.file) {
      if (!this.fileError) this.fileError = t('trials.population.noFile');
      this.#input('file')?.focus();
      return undefined;
    }
    const f = this.file;
    // The file goes to the server as a stream before the run starts; the run then names it by its upload id.
    return { population: { upload: 'pending' }, rows: f.rows, file: { blob: f.blob, format: f.format } };
  }

  async #onFile(event: Event): Promise<void> {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    this.file = undefined;
    this.fileError = '';
    if (!chosen) return;
    const limit = this.limits?.upload_limit_bytes;
    if (limit !== undefined && chosen.size > limit) {
      this.fileError = t('trials.population.tooLarge', { size: formatBytes(chosen.size), limit: formatBytes(limit) });
      return;
    }
    this.reading = true;
    try {
      const format = formatOfFile(chosen.name);
      const rows = await countRowsStreamed(chosen, format);
      this.file = { name: chosen.name, bytes: chosen.size, blob: chosen, rows, format };
    } catch (e) {
      this.fileError = t('trials.population.unreadable', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.reading = false;
    }
  }

  #onFormat(event: Event): void {
    const format = (event.currentTarget as HTMLSelectElement).value === 'jsonl' ? 'jsonl' : 'csv';
    const f = this.file;
    // A CSV's first line is its header, not a person: the count moves by one when the format does.
    if (f && f.format !== format) this.file = { ...f, format, rows: format === 'csv' ? Math.max(0, f.rows - 1) : f.rows + 1 };
  }

  #generate(): TemplateResult {
    const max = this.limits?.max_generated_persons ?? 200_000;
    return html`<div class="fields">
        <div>
          <label for="size">${t('trials.population.size')}</label>
          <input id="size" name="size" type="number" inputmode="numeric" min="1" max=${max} step="1" value="10000" required aria-describedby="size-hint" />
          <p class="hint" id="size-hint">${t('trials.population.sizeHint', { max: formatNumber(max) })}</p>
        </div>
        <div>
          <label for="seed">${t('trials.population.seed')}</label>
          <input id="seed" name="seed" type="number" inputmode="numeric" min="0" max=${MAX_SEED} step="1" value="2025" required aria-describedby="seed-hint" />
          <p class="hint" id="seed-hint">${t('trials.population.seedHint')}</p>
        </div>
      </div>
      <p class="hint">${t('trials.population.generateNote')}</p>
      <div class="check">
        <input id="weighted" name="weighted" type="checkbox" checked aria-describedby="weighted-hint" />
        <label for="weighted">${t('trials.population.weighted')}</label>
        <p class="hint" id="weighted-hint">${t('trials.population.weightedHint')}</p>
      </div>`;
  }

  #upload(): TemplateResult {
    const f = this.file;
    const limit = this.limits?.upload_limit_bytes;
    return html`<div class="fields">
        <div>
          <label for="file">${t('trials.population.file')}</label>
          <input
            id="file"
            type="file"
            accept=".csv,.jsonl,.json,text/csv,application/jsonl"
            aria-describedby="file-hint${this.fileError ? ' file-error' : ''}"
            aria-invalid=${this.fileError ? 'true' : 'false'}
            @change=${this.#onFile}
          />
          <p class="hint" id="file-hint">
            ${t('trials.population.fileHint')} ${limit === undefined ? nothing : t('trials.population.limit', { limit: formatBytes(limit) })}
          </p>
        </div>
        ${
          f
            ? html`<div>
              <label for="format">${t('trials.population.format')}</label>
              <select id="format" @change=${this.#onFormat}>
                <option value="csv" ?selected=${f.format === 'csv'}>CSV</option>
                <option value="jsonl" ?selected=${f.format === 'jsonl'}>JSON Lines</option>
              </select>
            </div>`
            : nothing
        }
      </div>
      <p class="info" role="status">
        ${this.reading ? t('trials.population.reading') : nothing}
        ${
          f
            ? t('trials.population.fileInfo', {
                name: f.name,
                size: formatBytes(f.bytes),
                rows: formatNumber(f.rows),
              })
            : nothing
        }
      </p>
      ${this.fileError ? html`<p class="alert" id="file-error" role="alert">${this.fileError}</p>` : nothing}`;
  }

  override render(): TemplateResult {
    return html`<fieldset>
      <legend>${t('trials.population.legend')}</legend>
      <div class="choices">
        <label>
          <input type="radio" name="source" value="generate" .checked=${this.source === 'generate'} @change=${() => {
            this.source = 'generate';
          }} />
          ${t('trials.population.generate')}
        </label>
        <label>
          <input type="radio" name="source" value="upload" .checked=${this.source === 'upload'} @change=${() => {
            this.source = 'upload';
          }} />
          ${t('trials.population.upload')}
        </label>
      </div>
      <!-- Both panels stay in the page, the other one hidden, so switching back keeps what was typed or chosen. -->
      <div ?hidden=${this.source !== 'generate'}>${this.#generate()}</div>
      <div ?hidden=${this.source !== 'upload'}>${this.#upload()}</div>
    </fieldset>`;
  }
}

customElements.define('ri-trial-population', RiTrialPopulation);

declare global {
  interface HTMLElementTagNameMap {
    'ri-trial-population': RiTrialPopulation;
  }
}
