import type { ReactiveControllerHost } from 'lit';
import { api, call, type Schemas } from '../shared/api/client.ts';
import type { OutcomeLabels } from './answer-text.ts';
import type { FactDefinitions } from './fact-form-state.ts';
import { questionTitle } from './question-title.ts';
import { readVersionDocument, versionOn } from './version-on.ts';

type VersionDetail = Schemas['VersionDetail'];

/**
 * What the console reads from the server: the questions, the facts catalogue, and the version in force for
 * the chosen question and day (each version fetched once). The host re-renders when any of it changes.
 */
export class ConsoleSources {
  questions: Schemas['QuestionSummary'][] | undefined = undefined;
  catalogue: Schemas['Catalogue'] | undefined = undefined;
  /** The version in force on the chosen day, once loaded; undefined before the first version. */
  detail: VersionDetail | undefined = undefined;
  /** Why the questions, the catalogue or the version could not be loaded. */
  loadError: unknown = undefined;
  /** Counts version loads, so a slow answer for an earlier choice never replaces a later one. */
  #request = 0;
  readonly #loaded = new Map<string, VersionDetail>();

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The catalogue's facts; none while it loads. */
  get definitions(): FactDefinitions {
    return this.catalogue?.facts ?? {};
  }

  /** The catalogue's outcomes in words; none while it loads. */
  get outcomes(): OutcomeLabels {
    return this.catalogue?.outcomes ?? {};
  }

  /** The facts the version in force reads; none before the first version or after a repeal. */
  get facts(): string[] {
    return this.detail ? readVersionDocument(this.detail.document).facts : [];
  }

  /** A question's title, for the answer and the history. */
  readonly title = (id: string): string => questionTitle(this.questions, id);

  /** Loads the questions and the catalogue; `loaded` runs with them in place, or `loadError` says why it could not. */
  async start(loaded: () => void): Promise<void> {
    try {
      const [{ questions }, catalogue] = await Promise.all([
        call(api.GET('/api/v1/questions')),
        call(api.GET('/api/v1/catalogue')),
      ]);
      this.questions = questions;
      this.catalogue = catalogue;
      loaded();
    } catch (e) {
      this.loadError = e;
    }
    this.#host.requestUpdate();
  }

  /** Loads the version in force for the question on the day; `loaded` runs with it in place, unless a later load overtook it. */
  async load(question: string, date: string, loaded: () => void): Promise<void> {
    const id = ++this.#request;
    const summary = this.questions?.find((q) => q.id === question);
    const version = summary ? versionOn(summary.versions, date) : undefined;
    let detail: VersionDetail | undefined;
    if (version && summary) {
      const key = `${summary.id}/${version.version}`;
      try {
        detail =
          this.#loaded.get(key) ??
          (await call(
            api.GET('/api/v1/questions/{question}/versions/{version}', {
              params: { path: { question: summary.id, version: version.version } },
            }),
          ));
        this.#loaded.set(key, detail);
      } catch (e) {
        if (id === this.#request) {
          this.loadError = e;
          this.#host.requestUpdate();
        }
        return;
      }
    }
    if (id !== this.#request) return;
    this.loadError = undefined;
    this.detail = detail;
    loaded();
    this.#host.requestUpdate();
  }
}
