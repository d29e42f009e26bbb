import { css, html, nothing, type TemplateResult } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { isMessageKey, t, translate } from '../shared/i18n/translate.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';

type Draft = Schemas['Draft'];

/** Fired to open another file of the draft: its path relative to rules/. */
export const FILE_SELECT_EVENT = 'ri-file-select';
/** Fired to bring a published file into the draft: its path relative to rules/. */
export const FILE_ADD_EVENT = 'ri-file-add';
/** Fired to drop the open file from the draft. */
export const FILE_DROP_EVENT = 'ri-file-drop';

/** What a file of the law is, in words. */
export function kindWord(kind: string): string {
  const key = `changeSet.kind.${kind}`;
  return isMessageKey(key) ? translate(key) : t('changeSet.kind.other');
}

/**
 * The files of a draft (a change set): which is open, what each is, whether it is new or changes a published file;
 * and, for its author, bringing in another published file (a test file, a parameters file…) or dropping one.
 * While the open file has unsaved changes, no other file opens: nothing is lost by a click.
 */
export class RiDraftFiles extends LocalizedElement {
  static override properties = {
    draft: { attribute: false },
    active: { type: String },
    editable: { type: Boolean },
    dirty: { type: Boolean },
    published: { state: true },
  };
  declare draft: Draft | undefined;
  /** The open file, relative to rules/. */
  declare active: string;
  declare editable: boolean;
  declare dirty: boolean;
  /** The published files that could be added, loaded for an author. */
  declare published: string[] | undefined;

  constructor() {
    super();
    this.draft = undefined;
    this.active = '';
    this.editable = false;
    this.dirty = false;
    this.published = undefined;
  }

  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      li button {
        text-align: left;
        font-weight: 400;
      }
      li button[aria-current='true'] {
        font-weight: 700;
        outline: 3px solid #0b0c0c;
      }
      .kind {
        display: block;
        font-size: 0.85rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
      }
      select {
        max-width: 100%;
      }
    `,
  ];

  override updated(): void {
    if (this.editable && this.published === undefined) void this.#loadPublished();
  }

  async #loadPublished(): Promise<void> {
    this.published = [];
    try {
      const { files } = await call(api.GET('/api/v1/law/files'));
      this.published = files.map((f) => f.path).filter((p) => !p.startsWith('shared-cases/'));
    } catch {
      // Without the list the author can still edit the files the draft holds.
      this.published = [];
    }
  }

  #fire(type: string, detail?: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #add(event: SubmitEvent): void {
    event.preventDefault();
    const path = String(new FormData(event.currentTarget as HTMLFormElement).get('path') ?? '');
    if (path) this.#fire(FILE_ADD_EVENT, path);
  }

  #drop(): void {
    if (confirm(t('changeSet.files.dropConfirm', { path: this.active }))) this.#fire(FILE_DROP_EVENT, this.active);
  }

  #file(f: Draft['files'][number]): TemplateResult {
    const current = f.path === this.active;
    return html`<li>
      <button
        type="button"
        class="secondary"
        aria-current=${current ? 'true' : 'false'}
        ?disabled=${this.dirty && !current}
        aria-describedby=${this.dirty && !current ? 'files-save-first' : nothing}
        @click=${() => !current && this.#fire(FILE_SELECT_EVENT, f.path)}
      >
        <code>${f.path}</code>
        <span class="kind">${kindWord(f.kind)}, ${f.base ? t('changeSet.files.changed') : t('changeSet.files.new')}${current ? `, ${t('changeSet.files.current')}` : ''}</span>
      </button>
    </li>`;
  }

  #adder(d: Draft): TemplateResult | typeof nothing {
    if (!this.editable) return nothing;
    const held = new Set(d.files.map((f) => f.path));
    const choices = (this.published ?? []).filter((p) => !held.has(p));
    return html`<form @submit=${this.#add} aria-labelledby="add-file-title">
        <h3 id="add-file-title" class="visually-hidden">${t('changeSet.files.addTitle')}</h3>
        <div>
          <label for="add-file">${t('changeSet.files.addLabel')}</label><br />
          <select id="add-file" name="path" required>
            <option value="">${t('changeSet.files.addChoose')}</option>
            ${choices.map((p) => html`<option value=${p}>${p}</option>`)}
          </select>
        </div>
        <button type="submit" class="secondary" ?disabled=${this.dirty}>${t('changeSet.files.add')}</button>
      </form>
      ${
        d.files.length > 1
          ? html`<p><button type="button" class="secondary" ?disabled=${this.dirty} @click=${this.#drop}>${t('changeSet.files.drop')}</button></p>`
          : nothing
      }`;
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.draft;
    if (!d) return nothing;
    return html`<section aria-labelledby="files-title">
      <h2 id="files-title">${t('changeSet.files.title')}</h2>
      <p class="help muted">${t('changeSet.files.intro')}</p>
      ${d.files.length ? html`<ul aria-labelledby="files-title">${d.files.map((f) => this.#file(f))}</ul>` : html`<p>${t('changeSet.files.none')}</p>`}
      ${this.dirty && d.files.length > 1 ? html`<p id="files-save-first" class="muted">${t('changeSet.files.saveFirst')}</p>` : nothing}
      ${this.#adder(d)}
    </section>`;
  }
}

customElements.define('ri-draft-files', RiDraftFiles);

declare global {
  interface HTMLElementTagNameMap {
    'ri-draft-files': RiDraftFiles;
  }
}
