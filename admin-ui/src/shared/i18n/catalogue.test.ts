import { afterEach, describe, expect, it } from 'vitest';
import { en, enSections } from './en.ts';
import { setLanguage } from './language.ts';
import { type MessageKey, pl, plSections } from './pl.ts';
import { isMessageKey, t, translate } from './translate.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setLanguage('pl'));

describe('the message catalogue', () => {
  it('has the same keys in English as in Polish, each with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const key of Object.keys(pl) as MessageKey[]) expect(placeholders(en[key]), key).toEqual(placeholders(pl[key]));
  });

  it('takes each key from one feature only: no section repeats a key of another (a spread would hide it)', () => {
    for (const [sections, catalogue] of [
      [plSections, pl],
      [enSections, en],
    ] as const) {
      const seen = new Map<string, number>();
      sections.forEach((section, i) => {
        for (const key of Object.keys(section)) {
          expect(seen.get(key), `${key} is in sections ${seen.get(key)} and ${i}`).toBeUndefined();
          seen.set(key, i);
        }
      });
      expect(seen.size).toBe(Object.keys(catalogue).length);
    }
  });

  it('has the English sections beside the Polish ones, key for key', () => {
    expect(enSections.length).toBe(plSections.length);
    plSections.forEach((section, i) => {
      expect(Object.keys(enSections[i] ?? {}).sort()).toEqual(Object.keys(section).sort());
    });
  });

  it('has no empty message in either language', () => {
    for (const [key, text] of Object.entries(pl)) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
  });

  it('speaks Polish by default and English after the switch, filling placeholders', () => {
    expect(t('home.title', { name: 'Anna' })).toBe('Witaj, Anna');
    setLanguage('en');
    expect(t('home.title', { name: 'Anna' })).toBe('Welcome, Anna');
    expect(t('nav.audit')).toBe('Change log');
  });

  it('checks keys built at run time', () => {
    expect(isMessageKey('error.BAD_CREDENTIALS')).toBe(true);
    expect(isMessageKey('error.NO_SUCH_CODE')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(translate('notFound.text')).toBe('Adres {path} nie prowadzi do żadnej strony.');
  });
});
