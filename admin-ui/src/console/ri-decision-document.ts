import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { language } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

type Format = 'pdf' | 'docx';

/**
 * "Document for the file": a button that opens a dialog for the party's name and address and the format, then
 * downloads the draft decision (POST /api/v1/decisions/{id}/document). The typed party goes only into that request:
 * the dialog forgets it once the file is downloaded or the dialog is closed.
 */
export class RiDecisionDocument extends LocalizedElement {
  static override properties = {
    receiptId: { type: String },
    busy: { state: true },
    error: { state: true },
  };
  declare receiptId: string;
  declare busy: boolean;
  declare error: unknown;

  constructor() {
    super();
    this.receiptId = '';
    this.busy = false;
    this.error = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      dialog {
        border: 1px solid #8a9aa6;
        border-radius: 8px;
        padding: 1.25rem 1.5rem;
        width: min(32rem, calc(100vw - 2rem));
        box-sizing: border-box;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      form {
        display: grid;
        gap: 0.9rem;
      }
      h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      .hint {
        margin: 0;
        color: #4a5257;
      }
      label {
        display: grid;
        gap: 0.3rem;
      }
      input:not([type='radio']),
      textarea {
        width: 100%;
        box-sizing: border-box;
        font: inherit;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      legend {
        padding: 0;
        margin-bottom: 0.3rem;
      }
      fieldset label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        justify-content: flex-end;
      }
    `,
  ];

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #open(): void {
    this.error = undefined;
    this.#dialog?.showModal();
  }

  #close(): void {
    this.#dialog?.close();
    this.renderRoot.querySelector('form')?.reset();
  }

  async #download(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const format = (data.get('format') === 'docx' ? 'docx' : 'pdf') as Format;
    const party = { name: String(data.get('name') ?? '').trim(), address: String(data.get('address') ?? '').trim() };
    this.busy = true;
    this.error = undefined;
    try {
      const lang = language();
      const blob = party.name
        ? await call(
            api.POST('/api/v1/decisions/{id}/document', {
              params: { path: { id: this.receiptId } },
              body: { format, lang, party },
              parseAs: 'blob',
            }),
          )
        : await call(
            api.GET('/api/v1/decisions/{id}/document', {
              params: { path: { id: this.receiptId }, query: { format, lang } },
              parseAs: 'blob',
            }),
          );
      const url = URL.createObjectURL(blob as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${lang === 'pl' ? 'dokument' : 'document'}-${this.receiptId}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.#close();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<button type="button" class="secondary" @click=${this.#open}>${t('console.document.open')}</button>
      <dialog aria-labelledby="document-title" @close=${() => this.renderRoot.querySelector('form')?.reset()}>
        <form novalidate @submit=${this.#download}>
          <h2 id="document-title">${t('console.document.title')}</h2>
          <p class="hint">${t('console.document.hint')}</p>
          <label>${t('console.document.name')}<input name="name" autocomplete="off" maxlength="300" /></label>
          <label>${t('console.document.address')}<textarea name="address" rows="3" autocomplete="off" maxlength="1000"></textarea></label>
          <fieldset>
            <legend>${t('console.document.format')}</legend>
            <label><input type="radio" name="format" value="pdf" checked />${t('console.document.pdf')}</label>
            <label><input type="radio" name="format" value="docx" />${t('console.document.docx')}</label>
          </fieldset>
          ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
          <div class="buttons">
            <button type="button" class="secondary" @click=${this.#close}>${t('console.document.cancel')}</button>
            <button type="submit" ?disabled=${this.busy}>${this.busy ? t('console.document.busy') : t('console.document.download')}</button>
          </div>
        </form>
      </dialog>`;
  }
}

customElements.define('ri-decision-document', RiDecisionDocument);

declare global {
  interface HTMLElementTagNameMap {
    'ri-decision-document': RiDecisionDocument;
  }
}
