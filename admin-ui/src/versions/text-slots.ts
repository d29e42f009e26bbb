import { PLACEHOLDER } from '../../../src/load/templates.ts';
import type { Lexicon } from '../shared/law/lexicon.ts';
import type { Ref, Sentence } from '../shared/law/parts.ts';

/** The language a text of the law is written in. */
export type TextLanguage = 'pl' | 'en';

/**
 * A rule's text in one language as a sentence a lawyer can read: each `{name}` (or `{name:money}`) the engine
 * fills in becomes the name's label in the text's own language, in brackets, e.g.
 * "trwała [Dni nieusprawiedliwionej nieobecności] dni". Unknown names stay as written, in brackets.
 */
export function textSlots(text: string, lang: TextLanguage, lex: Lexicon | undefined): Sentence {
  const out: Sentence = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(PLACEHOLDER.source, 'g'))) {
    const at = m.index ?? 0;
    out.push(`${text.slice(last, at)}[`, slot(m[1] ?? '', lang, lex), ']');
    last = at + m[0].length;
  }
  out.push(text.slice(last));
  return merge(out);
}

/** What one placeholder names, labelled in `lang`. */
function slot(name: string, lang: TextLanguage, lex: Lexicon | undefined): Ref {
  const fact = lex?.facts[name];
  if (fact) return { ref: 'fact', name, label: fact.label[lang] || fact.label.pl };
  const param = lex?.parameters[name];
  if (param) return { ref: 'parameter', name, label: param.label[lang] || param.label.pl };
  if (lex?.defines.has(name)) return { ref: 'define', name, label: name };
  return { ref: 'field', name, label: name };
}

function merge(parts: Sentence): Sentence {
  const out: Sentence = [];
  for (const p of parts) {
    const prev = out.at(-1);
    if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
    else if (p !== '') out.push(p);
  }
  return out;
}
