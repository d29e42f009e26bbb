import { html, type TemplateResult } from 'lit';
import { t } from '../shared/i18n/translate.ts';
import type { Lexicon } from '../shared/law/lexicon.ts';
import type { LocalText } from '../shared/law/local-text.ts';
import type { Sentence } from '../shared/law/parts.ts';
import { textSlots } from './text-slots.ts';

/** The headings of a pair of texts: a rule's reason, or what it says when its condition fails. */
export type TextKeys = ['rule.textPl', 'rule.textEn'] | ['rule.textElsePl', 'rule.textElseEn'];

/**
 * A text of the law in Polish and English side by side, each marked with its language, its placeholders shown
 * as the labels of what fills them (styled by `rulesStyles`' `.texts`).
 */
export function bilingualTexts(
  text: LocalText,
  lex: Lexicon | undefined,
  keys: TextKeys = ['rule.textPl', 'rule.textEn'],
): TemplateResult {
  return html`<div class="texts">
    <div><p class="lang">${t(keys[0])}</p><p lang="pl">${slotsHtml(textSlots(text.pl, 'pl', lex))}</p></div>
    <div><p class="lang">${t(keys[1])}</p><p lang="en">${slotsHtml(textSlots(text.en, 'en', lex))}</p></div>
  </div>`;
}

// Not links: the rule lists the parameters it uses just below, and a text is read as one quotation.
function slotsHtml(sentence: Sentence): TemplateResult {
  return html`${sentence.map((p) => (typeof p === 'string' ? p : html`<span class="slot" title=${p.name}>${p.label}</span>`))}`;
}
