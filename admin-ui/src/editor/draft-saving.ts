import type { ReactiveControllerHost } from 'lit';
import { ApiError } from '../shared/api/api-error.ts';
import { api, call, type Schemas } from '../shared/api/client.ts';
import { t } from '../shared/i18n/translate.ts';

type Draft = Schemas['Draft'];

/** A save refused because someone saved first: the author's text and the newer draft. */
export interface Conflict {
  mine: string;
  theirs: Draft;
}

/** True for a draft as the server sends it (the 409's details carry the newer one). */
function isDraft(value: unknown): value is Draft {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Draft).id === 'string' &&
    typeof (value as Draft).yaml === 'string' &&
    typeof (value as Draft).revision === 'number'
  );
}

/** The newer draft a save was refused for (409 STALE_DRAFT), or undefined when `error` is anything else. */
export function newerDraftIn(error: unknown): Draft | undefined {
  return error instanceof ApiError && error.code === 'STALE_DRAFT' && isDraft(error.details) ? error.details : undefined;
}

/** What the page does when a save ends: takes the saved draft, and shows a conflict where the author looks. */
export interface SavingHooks {
  /** Called with the draft as saved and the text it now holds, before the status line says so. */
  saved(draft: Draft, text: string): void;
  /** Called once the conflict is rendered. */
  conflicted(): void;
}

/**
 * Saving a draft with optimistic locking (`If-Match` on its revision): whether a save is under way, the line that
 * says how the last one went, its error, and the conflict when someone saved first, so that nothing is lost.
 * Each change asks the host to render again.
 */
export class DraftSaving {
  busy = false;
  conflict: Conflict | undefined = undefined;
  /** A sentence for the status line: saved, taken over… */
  notice = '';
  error: unknown = undefined;
  readonly #host: ReactiveControllerHost;
  readonly #hooks: SavingHooks;

  constructor(host: ReactiveControllerHost, hooks: SavingHooks) {
    this.#host = host;
    this.#hooks = hooks;
  }

  /** Clears the status line: what it said is out of date once the author types. */
  clearNotice(): void {
    if (!this.notice) return;
    this.notice = '';
    this.#host.requestUpdate();
  }

  /** Forgets the conflict once the author took the newer draft, saying which revision that was. */
  tookTheirs(revision: number): void {
    this.conflict = undefined;
    this.notice = t('editor.conflict.took', { revision });
    this.#host.requestUpdate();
  }

  /**
   * Saves `text` as the file at `path` (relative to rules/) of change set `id`, over its `revision`; on 409 shows
   * the conflict with nothing lost. True when saved.
   */
  async save(id: string, path: string, text: string, revision: number): Promise<boolean> {
    this.busy = true;
    this.error = undefined;
    this.notice = '';
    this.#host.requestUpdate();
    try {
      const d = await call(
        api.PUT('/api/v1/drafts/{id}/files/{path}', {
          params: { path: { id, path } },
          body: { yaml: text },
          headers: { 'If-Match': `"${revision}"` },
        }),
      );
      this.#hooks.saved(d, text);
      this.conflict = undefined;
      this.notice = t('editor.saved', { revision: d.revision });
      return true;
    } catch (e) {
      const theirs = newerDraftIn(e);
      if (theirs) {
        this.conflict = { mine: text, theirs };
        this.#host.requestUpdate();
        await this.#host.updateComplete;
        this.#hooks.conflicted();
      } else {
        this.error = e;
      }
      return false;
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }
}
