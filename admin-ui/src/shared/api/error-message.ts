import { isMessageKey, t, translate } from '../i18n/translate.ts';
import { ApiError } from './api-error.ts';

/**
 * A failure in the catalogue's language: the message kept for the server's code when there is one,
 * else the server's own (English) message with its code.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.generic', { code: 'CLIENT', message: String(error) });
  const key = `error.${error.code}`;
  if (isMessageKey(key) && key !== 'error.generic') return translate(key, { message: error.message });
  return t('error.generic', { code: error.code, message: error.message });
}
