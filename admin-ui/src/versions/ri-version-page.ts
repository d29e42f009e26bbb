import { css, html, nothing, type TemplateResult } from 'lit';
import { parseExpression } from '../../../src/expr/parser.ts';
import { api, call } from '../shared/api/client.ts';
import { errorMessage } from '../shared/api/error-message.ts';
import { session } from '../shared/api/session.ts';
import { formatDate, formatNumber } from '../shared/i18n/format.ts';
import { t } from '../shared/i18n/translate.ts';
import { confidenceLabel } from '../shared/law/confidence.ts';
import { followFragment } from '../shared/law/fragment-links.ts';
import { rulesStyles } from '../shared/law/law-styles.ts';
import { type Catalogue, type Lexicon, lexicon } from '../shared/law/lexicon.ts';
import { localText } from '../shared/law/local-text.ts';
import type { Question, VersionDetail } from '../shared/law/timeline.ts';
import { todayIso } from '../shared/law/timeline.ts';
import { navigate } from '../shared/router/navigation.ts';
import { LocalizedElement } from '../shared/shell/localized-element.ts';
import { sharedStyles } from '../shared/styles/base.ts';
import { bilingualTexts } from './bilingual-texts.ts';
import { conditionTree, fromExpr, isCondition } from './condition-tree.ts';
import { ExpressionWords } from './expression-words.ts';
import { sentenceHtml } from './sentence-html.ts';
import { asVersionDocument, type VersionDocument } from './version-document.ts';
import '../parameters/ri-parameter-values.ts';
import './ri-rule-card.ts';
import './ri-rule-condition.ts';
import './ri-rule-effect.ts';
import '../shared/law/ri-act-link.ts';

/**
 * One version of a question as a lawyer reads it (/questions/:question/:version): where the law was published,
 * each rule with its article, its condition in sentences and its texts in both languages, the outcomes, the
 * intermediate values, the caveats, the dated parameters, and the YAML itself. Editors can start a draft from it.
 */
export class RiVersionPage extends LocalizedElement {
  static override properties = {
    question: { type: String },
    version: { type: String },
    detail: { state: true },
    catalogue: { state: true },
    questions: { state: true },
    loading: { state: true },
    creating: { state: true },
    error: { state: true },
  };
  declare question: string;
  /** The version's valid_from, or a bundled proposal's name. */
  declare version: string;
  declare detail: VersionDetail | undefined;
  declare catalogue: Catalogue | undefined;
  declare questions: Question[];
  declare loading: boolean;
  declare creating: boolean;
  declare error: unknown;
  /** Counts loads, so an answer for an earlier address never overwrites a later one. */
  #request = 0;

  constructor() {
    super();
    this.question = '';
    this.version = '';
    this.detail = undefined;
    this.catalogue = undefined;
    this.questions = [];
    this.loading = false;
    this.creating = false;
    this.error = undefined;
    this.addEventListener('click', (e) => followFragment(e, this.renderRoot as ShadowRoot));
  }

  static override styles = [
    sharedStyles,
    rulesStyles,
    css`
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        margin: 0 0 1rem;
      }
      .top p {
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        margin: 1rem 0;
      }
      section {
        margin-top: 1.5rem;
      }
      .defines dt {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-weight: 600;
        margin-top: 0.5rem;
      }
      .defines dd {
        margin: 0.15rem 0 0 1.25rem;
      }
      ri-parameter-values {
        border-top: 1px solid #d5e0ea;
        padding: 0.75rem 0;
      }
      ul.facts {
        columns: 2 18rem;
        padding-left: 1.25rem;
      }
      :target,
      [tabindex='-1']:focus {
        outline: 3px solid #0b0c0c;
        outline-offset: 2px;
      }
    `,
  ];

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('question') || changed.has('version')) void this.#load();
  }

  async #load(): Promise<void> {
    const id = ++this.#request;
    this.loading = true;
    this.error = undefined;
    try {
      const [detail, catalogue, list] = await Promise.all([
        call(
          api.GET('/api/v1/questions/{question}/versions/{version}', {
            params: { path: { question: this.question, version: this.version } },
          }),
        ),
        call(api.GET('/api/v1/catalogue')),
        call(api.GET('/api/v1/questions')),
      ]);
      if (id !== this.#request) return;
      this.detail = detail;
      this.catalogue = catalogue;
      this.questions = list.questions;
    } catch (e) {
      if (id === this.#request) this.error = e;
    } finally {
      if (id === this.#request) this.loading = false;
    }
  }

  async #createDraft(doc: VersionDocument): Promise<void> {
    this.creating = true;
    this.error = undefined;
    try {
      const draft = await call(
        api.POST('/api/v1/drafts', {
          body: { from: { question: this.question, version: this.version }, proposal: doc.kind === 'proposal' },
        }),
      );
      navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    } catch (e) {
      this.error = e;
    } finally {
      this.creating = false;
    }
  }

  #summary(): Question | undefined {
    return this.questions.find((q) => q.id === this.question);
  }

  #questionTitle(id: string): string {
    return localText(this.questions.find((q) => q.id === id)?.title, id);
  }

  /** The status and the days the version covers, from the question's list of versions. */
  #header(doc: VersionDocument): TemplateResult {
    const entry = this.#summary()?.versions.find((v) => v.version === this.version);
    const today = todayIso();
    const proposal = doc.kind === 'proposal';
    const status = proposal
      ? 'proposal'
      : doc.repealed
        ? 'repealed'
        : entry && entry.validFrom <= today && (!entry.validUntil || today < entry.validUntil)
          ? 'inForce'
          : 'published';
    const from = formatDate(doc.valid_from);
    const validity = proposal
      ? t('version.validityProposal', { from })
      : entry?.validUntil
        ? t('version.validity', { from, until: formatDate(entry.validUntil) })
        : t('version.validityOpen', { from });
    return html`<div class="top">
      <p><span class="badge ${status}">${t(`status.${status}`)}</span></p>
      <p>${validity}</p>
      <p class="muted">${t('version.of', { question: this.question, version: this.version })}</p>
    </div>`;
  }

  #law(doc: VersionDocument): TemplateResult {
    const law = doc.law;
    return html`<section aria-labelledby="law">
      <h2 id="law">${t('version.law')}</h2>
      <dl class="facts">
        <dt>${t('version.act')}</dt>
        <dd lang="pl">${law.act}</dd>
        <dt>${t('version.dzU')}</dt>
        <dd>${law.dz_u}</dd>
        <dt>${t('version.basis')}</dt>
        <dd>${law.basis}<ri-act-link basis=${law.basis}></ri-act-link></dd>
        ${law.published_on ? html`<dt>${t('version.published')}</dt><dd>${formatDate(law.published_on)}</dd>` : nothing}
        ${law.note ? html`<dt>${t('version.lawNote')}</dt><dd>${law.note}</dd>` : nothing}
        ${doc.confidence ? html`<dt>${t('version.confidence')}</dt><dd>${confidenceLabel(doc.confidence)}</dd>` : nothing}
        ${doc.note ? html`<dt>${t('version.note')}</dt><dd>${doc.note}</dd>` : nothing}
      </dl>
    </section>`;
  }

  #repeal(doc: VersionDocument): TemplateResult | typeof nothing {
    const by = doc.repealed_by;
    if (!doc.repealed || !by) return nothing;
    return html`<section aria-labelledby="repeal">
      <h2 id="repeal">${t('version.repealedBy')}</h2>
      <dl class="facts">
        <dt>${t('version.act')}</dt>
        <dd lang="pl">${by.act}</dd>
        <dt>${t('version.dzU')}</dt>
        <dd>${by.dz_u}</dd>
        <dt>${t('version.basis')}</dt>
        <dd>${by.basis}<ri-act-link basis=${by.basis}></ri-act-link></dd>
      </dl>
      ${bilingualTexts(by.text, undefined)}
      ${
        doc.successor
          ? html`<p>${t('version.successor')}
            <a href="/questions/${encodeURIComponent(doc.successor)}">${this.#questionTitle(doc.successor)}</a>
            (<code>${doc.successor}</code>)</p>`
          : nothing
      }
    </section>`;
  }

  #rules(doc: VersionDocument, lex: Lexicon): TemplateResult | typeof nothing {
    const rules = doc.rules ?? [];
    if (doc.repealed && !rules.length) return nothing;
    const outcomes = this.catalogue?.outcomes ?? {};
    return html`<section aria-labelledby="rules">
      <h2 id="rules">${t('version.rules', { count: formatNumber(rules.length) })}</h2>
      ${rules.length ? nothing : html`<p>${t('version.noRules')}</p>`}
      ${rules.map(
        (r) =>
          html`<ri-rule-card id="rule-${r.id}" .rule=${r} .doc=${doc} .lex=${lex} .outcomes=${outcomes} day=${doc.valid_from}></ri-rule-card>`,
      )}
    </section>`;
  }

  #outcomes(doc: VersionDocument, lex: Lexicon): TemplateResult | typeof nothing {
    if (!doc.default_outcome && !doc.results && !doc.precedence) return nothing;
    const outcomes = this.catalogue?.outcomes ?? {};
    const name = (code: string) => localText(outcomes[code], code);
    return html`<section aria-labelledby="outcomes">
      <h2 id="outcomes">${t('version.outcomes')}</h2>
      ${doc.default_outcome ? html`<p>${t('version.defaultOutcome', { outcome: name(doc.default_outcome) })}</p>` : nothing}
      ${doc.precedence?.length ? html`<p>${t('version.precedence', { list: doc.precedence.map(name).join(' › ') })}</p>` : nothing}
      ${Object.entries(doc.results ?? {}).map(
        ([outcome, effect]) => html`<p>${t('version.results', { outcome: name(outcome) })}</p>
          <ri-rule-effect .effect=${typeof effect === 'string' ? effect : { ...effect, outcome: undefined }} .lex=${lex} .outcomes=${outcomes}></ri-rule-effect>`,
      )}
    </section>`;
  }

  #defines(doc: VersionDocument, lex: Lexicon): TemplateResult | typeof nothing {
    const defines = Object.entries(doc.define ?? {});
    if (!defines.length) return nothing;
    const words = new ExpressionWords(lex);
    const meaning = (source: string | number) => {
      if (typeof source === 'number') return formatNumber(source);
      try {
        const expr = parseExpression(source);
        return isCondition(expr)
          ? html`<ri-rule-condition .node=${fromExpr(expr, words)}></ri-rule-condition>`
          : sentenceHtml(words.phrase(expr));
      } catch {
        return html`<code>${source}</code>`;
      }
    };
    return html`<section aria-labelledby="defines">
      <h2 id="defines">${t('version.defines')}</h2>
      <p>${t('version.definesIntro')}</p>
      <dl class="defines">
        ${defines.map(([name, source]) => html`<dt id="def-${name}">${name}</dt><dd>${meaning(source)}</dd>`)}
      </dl>
    </section>`;
  }

  #caveats(doc: VersionDocument, lex: Lexicon): TemplateResult | typeof nothing {
    if (doc.repealed) return nothing;
    const caveats = doc.caveats ?? [];
    return html`<section aria-labelledby="caveats">
      <h2 id="caveats">${t('version.caveats')}</h2>
      ${caveats.length ? nothing : html`<p>${t('version.noCaveats')}</p>`}
      ${caveats.map(
        (c) => html`<div class="caveat">
          <h3>${t('rule.caveat', { code: c.code })}</h3>
          ${
            c.when !== undefined
              ? html`<p>${t('rule.caveatWhen')}</p><ri-rule-condition .node=${conditionTree(c.when, lex)}></ri-rule-condition>`
              : nothing
          }
          ${bilingualTexts(c.text, lex)}
        </div>`,
      )}
    </section>`;
  }

  #facts(doc: VersionDocument, detail: VersionDetail): TemplateResult | typeof nothing {
    const facts = doc.facts ?? [];
    if (!facts.length) return nothing;
    const required = new Set(detail.required_facts);
    return html`<section aria-labelledby="facts">
      <h2 id="facts">${t('version.facts')}</h2>
      <ul class="facts">
        ${facts.map((f) => {
          const def = this.catalogue?.facts[f];
          return html`<li>
            ${localText(def?.label, f)} <code>${f}</code>
            ${required.has(f) ? html`<span class="muted">(${t('version.requiredFact')})</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #parameters(doc: VersionDocument, detail: VersionDetail): TemplateResult | typeof nothing {
    const ids = detail.parameters.length ? detail.parameters : (doc.parameters ?? []);
    if (!ids.length) return nothing;
    return html`<section aria-labelledby="parameters">
      <h2 id="parameters">${t('version.parameters')}</h2>
      <p>${t('version.parametersIntro', { date: formatDate(doc.valid_from) })}</p>
      ${ids.map(
        (id) =>
          html`<ri-parameter-values id="param-${id}" parameterId=${id} .definition=${this.catalogue?.parameters[id]} day=${doc.valid_from}></ri-parameter-values>`,
      )}
    </section>`;
  }

  override render(): TemplateResult {
    const detail = this.detail;
    const stale = detail && (detail.question !== this.question || detail.version !== this.version);
    const back = html`<p><a href="/questions/${encodeURIComponent(this.question)}">${t('version.back')}</a></p>`;
    if (!detail || stale)
      return html`${back}<h1>${t('version.title')}</h1>
        ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
        ${this.loading ? html`<p role="status">${t('app.loading')}</p>` : nothing}`;
    const doc = asVersionDocument(detail.document);
    const lex = lexicon(this.catalogue, Object.keys(doc.define ?? {}));
    return html`${back}
      <h1>${localText(doc.title, this.version)}</h1>
      ${this.#header(doc)}
      <div class="actions">
        ${
          session.can('draft')
            ? html`<button type="button" ?disabled=${this.creating} @click=${() => this.#createDraft(doc)}>
              ${this.creating ? t('version.creatingDraft') : t('version.createDraft')}
            </button>`
            : nothing
        }
        <a href="#yaml">${t('version.yamlLink')}</a>
      </div>
      ${this.error ? html`<p class="alert" role="alert">${errorMessage(this.error)}</p>` : nothing}
      ${this.#law(doc)} ${this.#repeal(doc)} ${this.#rules(doc, lex)} ${this.#outcomes(doc, lex)} ${this.#defines(doc, lex)}
      ${this.#caveats(doc, lex)} ${this.#facts(doc, detail)} ${this.#parameters(doc, detail)}
      <section aria-labelledby="yaml-title">
        <details id="yaml">
          <summary id="yaml-title">${t('version.yaml', { path: detail.path })}</summary>
          <pre tabindex="0" role="region" aria-labelledby="yaml-title"><code>${detail.yaml}</code></pre>
        </details>
      </section>`;
  }
}

customElements.define('ri-version-page', RiVersionPage);

declare global {
  interface HTMLElementTagNameMap {
    'ri-version-page': RiVersionPage;
  }
}
