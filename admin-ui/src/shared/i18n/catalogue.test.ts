import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { setLanguage } from './language.ts';
import { type MessageKey, pl } from './pl.ts';
import { isMessageKey, t, translate } from './translate.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setLanguage('pl'));

describe('the message catalogue', () => {
  it('has the same keys in English as in Polish, each with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const key of Object.keys(pl) as MessageKey[]) expect(placeholders(en[key]), key).toEqual(placeholders(pl[key]));
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
