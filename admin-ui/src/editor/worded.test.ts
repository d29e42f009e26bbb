import type { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../shared/i18n/language.ts';
import { t } from '../shared/i18n/translate.ts';
import { Worded } from './worded.ts';

afterEach(() => setLanguage('pl'));

describe("an editor's words", () => {
  it('are built again, and the view reconfigured, only when the language changed', () => {
    const built: string[] = [];
    const words = new Worded(() => {
      built.push(t('editor.text.label'));
      return [];
    });
    words.extension();
    const sent: unknown[] = [];
    const view = { dispatch: (spec: unknown) => sent.push(spec) } as unknown as EditorView;
    expect(words.follow(view)).toBe(false);
    setLanguage('en');
    expect(words.follow(view)).toBe(true);
    expect(words.follow(view)).toBe(false);
    expect(built).toEqual(['Tekst szkicu w YAML', 'Text of the draft in YAML']);
    expect(sent).toHaveLength(1);
  });
});
