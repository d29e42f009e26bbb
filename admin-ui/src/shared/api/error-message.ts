import { language } from '../i18n/language.ts';
import { isMessageKey, t, translate } from '../i18n/translate.ts';
import { ApiError } from './api-error.ts';

/** The server's own words in the UI's language, when it sent them in both (`details.text`), else its English message. */
function wordsOf(error: ApiError): string {
  const text = (error.details as { text?: Record<string, unknown> } | null)?.text;
  const mine = text?.[language()];
  return typeof mine === 'string' ? mine : error.message;
}

/**
 * A failure in the catalogue's language: the message kept for the server's code when there is one,
 * else the server's own (English) message with its code.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.generic', { code: 'CLIENT', message: String(error) });
  const key = `error.${error.code}`;
  if (isMessageKey(key) && key !== 'error.generic') return translate(key, { message: wordsOf(error) });
  return t('error.generic', { code: error.code, message: error.message });
}
