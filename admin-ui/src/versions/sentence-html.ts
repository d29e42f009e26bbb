import { html, type TemplateResult } from 'lit';
import type { Sentence } from '../shared/law/parts.ts';

/**
 * A sentence as HTML: a fact by its label (its name on hover), a parameter or a definition as a link to where the
 * page explains it, an item's field as code.
 */
export function sentenceHtml(sentence: Sentence): TemplateResult {
  return html`${sentence.map((p) => {
    if (typeof p === 'string') return p;
    switch (p.ref) {
      case 'parameter':
        return html`<a class="ref" href="#param-${p.name}">${p.label}</a>`;
      case 'define':
        return html`<a class="ref" href="#def-${p.name}"><code>${p.label}</code></a>`;
      case 'field':
        return html`<code>${p.label}</code>`;
      case 'fact':
        return html`<span class="fact" title=${p.name}>${p.label}</span>`;
      default:
        return p.label;
    }
  })}`;
}
