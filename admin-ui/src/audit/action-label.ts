import { isMessageKey, translate } from '../shared/i18n/translate.ts';

/** An audit action in words when the catalogue knows it (`audit.action.<action>`), else its code as written. */
export function actionLabel(action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? translate(key) : action;
}
